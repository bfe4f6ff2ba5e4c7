import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../core/document-cache.ts';
import { fakeClock, tempDir } from '../testing/fakes.ts';
import { createOfflineLock } from './offline-lock.ts';

async function setup(lockAfterDays = 7) {
  const { dir, dispose } = await tempDir();
  const clock = fakeClock();
  const file = join(dir, 'offline.json');
  const make = () =>
    createOfflineLock({ file, lockAfterMs: lockAfterDays * DAY_MS, now: clock.now });
  const lock = make();
  await lock.load();
  return { lock, make, clock, file, dispose };
}

describe('the offline lock', () => {
  it('is locked on a device that has never reached the server (nothing cached yet)', async () => {
    const { lock, dispose } = await setup();
    expect(lock.isLocked()).toBe(true);
    await dispose();
  });

  it('opens on contact and stays open for the set time, then locks', async () => {
    const { lock, clock, dispose } = await setup(7);
    await lock.markContact();
    expect(lock.isLocked()).toBe(false);
    clock.advance(7 * DAY_MS);
    expect(lock.isLocked()).toBe(false);
    clock.advance(1);
    expect(lock.isLocked()).toBe(true);
    await lock.markContact(); // reconnected
    expect(lock.isLocked()).toBe(false);
    await dispose();
  });

  it('remembers the last contact across restarts', async () => {
    const { lock, make, clock, dispose } = await setup(7);
    await lock.markContact();
    const contact = clock.now();
    clock.advance(3 * DAY_MS);
    const restarted = make();
    await restarted.load();
    expect(restarted.lastContactAt()).toBe(contact);
    expect(restarted.isLocked()).toBe(false);
    clock.advance(5 * DAY_MS);
    expect(restarted.isLocked()).toBe(true);
    await dispose();
  });

  it('locks when the clock is set back, so that a clock cannot undo it', async () => {
    const { lock, clock, dispose } = await setup(7);
    await lock.markContact();
    clock.advance(-2 * DAY_MS);
    expect(lock.isLocked()).toBe(true);
    await dispose();
  });

  it('does not rewrite its file on every request', async () => {
    const { lock, clock, file, dispose } = await setup(7);
    await lock.markContact();
    const first = await readFile(file, 'utf8');
    clock.advance(10_000);
    await lock.markContact();
    expect(await readFile(file, 'utf8')).toBe(first);
    expect(lock.lastContactAt()).toBe(clock.now()); // in memory it is current
    clock.advance(60_000);
    await lock.markContact();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ lastContactAt: clock.now() });
    await dispose();
  });

  it('treats a damaged file as never having reached the server', async () => {
    const { make, file, dispose } = await setup(7);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, '{"lastContactAt": "yesterday"}');
    const lock = make();
    await lock.load();
    expect(lock.lastContactAt()).toBeNull();
    expect(lock.isLocked()).toBe(true);
    await dispose();
  });
});
