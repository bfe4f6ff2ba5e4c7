// The file store on a real disk: a crash mid-write, and snapshots that must agree with the journal.
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apply, emptyMeeting, type Actor, type ClientCommand } from '../../core/index.ts';
import { MeetingService } from '../meetings/service.ts';
import { makeDataDir, STARTS_AT } from '../testing/harness.ts';
import { openFileStore } from './file-store.ts';
import type { Store } from './types.ts';

const SECRETARY: Actor = { userId: 'thuky', globalRole: 'secretary' };
const clock = { now: () => new Date('2026-03-09T01:00:00Z') };
let n = 0;
const cmdId = () => `cmd-${String(++n).padStart(6, '0')}`;

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const d = await makeDataDir();
  dirs.push(d);
  return d;
}

async function service(store: Store): Promise<MeetingService> {
  const s = new MeetingService({
    store,
    clock,
    accountName: () => 'Lê Thị Hoa',
    onCommit: () => {},
  });
  await s.load();
  return s;
}

async function createMeeting(s: MeetingService): Promise<string> {
  const ack = await s.execute(
    null,
    cmdId(),
    {
      type: 'meeting.create',
      payload: {
        title: 'Họp',
        startsAt: STARTS_AT,
        description: '',
        location: '',
        quorum: { kind: 'fraction', value: 0.5 },
        selfCheckIn: false,
      },
    },
    SECRETARY,
  );
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.meetingId;
}

const addItem = (title: string): ClientCommand => ({
  type: 'agenda.add',
  payload: { parentId: null, title, description: '', presenter: '', durationMin: null },
});

const journalOf = (dir: string, id: string) => join(dir, 'meetings', id, 'journal.jsonl');

describe('a journal whose last line was torn by a crash', () => {
  it('loads the good part, and the next append starts on a clean line', async () => {
    const dir = await freshDir();
    const store = await openFileStore(dir);
    const s = await service(store);
    const id = await createMeeting(s);
    for (let i = 1; i <= 5; i++) await s.execute(id, cmdId(), addItem(`Mục ${i}`), SECRETARY);
    await store.close();
    const journal = journalOf(dir, id);
    const good = await readFile(journal);
    expect(good.toString().trim().split('\n')).toHaveLength(6);

    // half of a real next line, cut inside the three bytes of "ệ"
    const line = Buffer.from(
      JSON.stringify({
        fromRev: 6,
        rev: 7,
        events: [{ type: 'agenda.itemAdded', title: 'Kiến nghị' }],
      }),
    );
    const cut = line.indexOf(Buffer.from('ệ')) + 1;
    await appendFile(journal, line.subarray(0, cut));

    const store2 = await openFileStore(dir);
    const loaded = await store2.loadMeeting(id);
    expect(loaded?.state.rev).toBe(6);
    expect(loaded?.events.map((e) => e.rev)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await readFile(journal)).equals(good)).toBe(true);

    const s2 = await service(store2);
    const ack = await s2.execute(id, 'after-the-crash', addItem('Mục sau sự cố'), SECRETARY);
    expect(ack).toEqual({ ok: true, rev: 7, meetingId: id });
    await store2.close();

    const text = await readFile(journal, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    for (const l of text.trim().split('\n')) expect(() => JSON.parse(l)).not.toThrow();
    const store3 = await openFileStore(dir);
    const again = await store3.loadMeeting(id);
    expect(again?.state.rev).toBe(7);
    expect(Object.values(again!.state.agenda.items).map((i) => i.title)).toContain('Mục sau sự cố');
    await store3.close();
  });

  it('keeps the audit entries written after a torn audit line readable', async () => {
    const dir = await freshDir();
    const store = await openFileStore(dir);
    const s = await service(store);
    const id = await createMeeting(s);
    await s.execute(id, 'before-the-crash', addItem('Mục 1'), SECRETARY);
    await store.close();
    await appendFile(join(dir, 'meetings', id, 'audit.jsonl'), '{"at":"2026-03-09T01:00:00Z","act');

    const store2 = await openFileStore(dir);
    const s2 = await service(store2);
    await s2.execute(id, 'after-the-crash', addItem('Mục 2'), SECRETARY);
    await store2.close();
    const audit = await (await openFileStore(dir)).readAudit(id);
    expect(audit.map((a) => a.commandId).slice(1)).toEqual(['before-the-crash', 'after-the-crash']);
  });
});

describe('a snapshot', () => {
  it('gives the same meeting as replaying the whole journal', async () => {
    const dir = await freshDir();
    const store = await openFileStore(dir);
    const s = await service(store);
    const id = await createMeeting(s);
    // enough events for the log to write a snapshot on its own (every 2,000)
    const statuses = ['present', 'online', 'absent'] as const;
    const attendance = (i: number): ClientCommand => ({
      type: 'attendance.set',
      payload: { userId: SECRETARY.userId, status: statuses[i % 3]!, reason: `lý do ${i}` },
    });
    for (let i = 0; i < 2100; i += 300) {
      await Promise.all(
        Array.from({ length: 300 }, (_, j) => s.execute(id, cmdId(), attendance(i + j), SECRETARY)),
      );
    }
    for (let i = 0; i < 10; i++) await s.execute(id, cmdId(), addItem(`Mục ${i}`), SECRETARY);
    await s.settled();
    await store.close();

    const snapshotFile = join(dir, 'meetings', id, 'meeting.json');
    const snap = JSON.parse(await readFile(snapshotFile, 'utf8')) as { state: { rev: number } };
    expect(snap.state.rev).toBeGreaterThanOrEqual(2000);
    expect(snap.state.rev).toBeLessThan(2111);

    const withSnapshot = await (await openFileStore(dir)).loadMeeting(id);
    const journalOnly = await freshDir();
    await mkdir(join(journalOnly, 'meetings', id), { recursive: true });
    await writeFile(journalOf(journalOnly, id), await readFile(journalOf(dir, id)));
    expect(existsSync(join(journalOnly, 'meetings', id, 'meeting.json'))).toBe(false);
    const replayed = await (await openFileStore(journalOnly)).loadMeeting(id);

    expect(withSnapshot!.state.rev).toBe(2111);
    expect(withSnapshot!.state).toEqual(replayed!.state);
    expect(replayed!.events.reduce(apply, emptyMeeting())).toEqual(replayed!.state);
    const asMap = (cs: { key: string; rev: number }[]) => new Map(cs.map((c) => [c.key, c.rev]));
    expect(asMap(withSnapshot!.commands)).toEqual(asMap(replayed!.commands));
    expect(asMap(replayed!.commands).size).toBe(2111);
  });
});
