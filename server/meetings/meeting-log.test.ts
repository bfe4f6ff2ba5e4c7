// The group commit and its snapshots against a real file store, with a crash between two writes.
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyMeeting, type EventBody } from '../../core/index.ts';
import { openFileStore } from '../store/file-store.ts';
import type { Store } from '../store/types.ts';
import { makeDataDir } from '../testing/harness.ts';
import { MeetingLog } from './meeting-log.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const AT = '2026-03-09T01:00:00.000Z';
const meta = (key: string) => ({
  actor: 'thuky',
  at: AT,
  key,
  audit: { at: AT, actor: 'thuky', commandId: key, type: 'test', ok: true },
});

function created(): EventBody {
  return {
    type: 'meeting.created',
    payload: {
      meeting: {
        id: 'm1',
        title: 'Họp',
        description: '',
        location: '',
        startsAt: '2026-03-09T08:00:00+07:00',
        quorum: { kind: 'fraction', value: 0.5 },
        selfCheckIn: false,
        createdAt: AT,
        createdBy: 'thuky',
      },
      creator: { userId: 'thuky', displayName: 'Thư ký', role: 'secretary' },
    },
  };
}

const current = (i: number): EventBody => ({
  type: 'agenda.currentChanged',
  payload: { itemId: `item-${i}` },
});

describe('a snapshot written while later commands wait for the disk', () => {
  it('does not remember those commands as done when the process dies before writing them', async () => {
    const dir = await makeDataDir();
    dirs.push(dir);
    const store = await openFileStore(dir);
    let appends = 0;
    let crashed!: () => void;
    const crash = new Promise<void>((r) => (crashed = r));
    // the real store, except that the process "dies" before its second write reaches the disk
    const dying: Store = {
      ...store,
      async appendBatch(id, batch) {
        appends++;
        if (appends === 1) {
          // a command arrives while the first batch is being written
          void log.commit([current(9999)], meta('late-command')).catch(() => undefined);
          return store.appendBatch(id, batch);
        }
        crashed();
        return new Promise<void>(() => undefined);
      },
    };
    const log = new MeetingLog(
      'm1',
      { state: emptyMeeting(), events: [], commands: [] },
      dying,
      () => {},
    );
    const bulk = Array.from({ length: 2000 }, (_, i) => current(i));
    await log.commit([created(), ...bulk], meta('bulk'));
    await crash;

    // a restart: what is on disk says the late command never happened
    const loaded = await (await openFileStore(dir)).loadMeeting('m1');
    expect(loaded?.state.rev).toBe(2001);
    expect(loaded?.state.currentItemId).toBe('item-1999');
    expect(loaded?.commands.filter((c) => c.rev > loaded.state.rev)).toEqual([]);
    const restarted = new MeetingLog('m1', loaded!, store, () => {});
    // so its retry must be run, not answered as already done
    expect(restarted.appliedRev('late-command')).toBeUndefined();
    expect(restarted.appliedRev('bulk')).toBe(2001);
  });
});
