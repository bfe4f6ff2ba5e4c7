// A real server process killed with SIGKILL right after it acknowledged a burst of commands:
// after a restart on the same folder every acknowledged change is there, and retries apply once.
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientCommand, CommandAck, MeetingEvent, MeetingState } from '../core/index.ts';
import { startChildServer, type ChildServer } from './testing/child-process.ts';
import { seededRandom } from './testing/fuzz.ts';
import {
  accountOn,
  commandId,
  connect,
  expectOk,
  loginFirstAdmin,
  makeDataDir,
  meetingCreate,
  type TestClient,
} from './testing/harness.ts';

const children: ChildServer[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const c of children) await c.kill();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

interface Sent {
  id: string;
  sender: 'secretary' | 'chair';
  socket: number;
  command: ClientCommand;
  ack?: CommandAck;
}

describe('a crash right after the acks', () => {
  it('loses no acknowledged change, and retries after the restart apply nothing twice', async () => {
    const dataDir = await makeDataDir();
    dirs.push(dataDir);
    const first = await startChildServer(dataDir);
    children.push(first);
    const admin = await loginFirstAdmin(first.url, first.firstAdmin!);
    const secretary = await accountOn(first.url, admin, 'thuky', 'secretary');
    const chair = await accountOn(first.url, admin, 'chutoa', 'member');
    const d1 = await accountOn(first.url, admin, 'daibieu1', 'member');
    const d2 = await accountOn(first.url, admin, 'daibieu2', 'member');

    const sec = await connect(first.url, secretary.token);
    const created = await expectOk(sec.command(null, meetingCreate('Họp')));
    const meetingId = created.meetingId;
    for (const [p, role] of [
      [chair, 'chair'],
      [d1, 'delegate'],
      [d2, 'delegate'],
    ] as const) {
      await expectOk(
        sec.command(meetingId, { type: 'participant.add', payload: { userId: p.id, role } }),
      );
    }
    const item = (title: string): ClientCommand => ({
      type: 'agenda.add',
      payload: { parentId: null, title, description: '', presenter: '', durationMin: null },
    });
    for (let i = 1; i <= 3; i++) await expectOk(sec.command(meetingId, item(`Mục chính ${i}`)));
    await expectOk(sec.command(meetingId, { type: 'meeting.publish', payload: {} }));
    const items = (await sec.snapshot(meetingId)).agenda.children['']!;

    const watcher = await connect(first.url, d2.token);
    expect((await watcher.join(meetingId)).ok).toBe(true);
    const senders = {
      secretary: [sec, await connect(first.url, secretary.token)],
      chair: [await connect(first.url, chair.token), await connect(first.url, chair.token)],
    };

    // 260 commands from four sockets; the kill comes with the 200th ack
    const random = seededRandom(42);
    const people = [d1.id, d2.id, chair.id, secretary.id];
    const statuses = ['present', 'online', 'absent'] as const;
    const sent: Sent[] = [];
    for (let i = 0; i < 160; i++)
      sent.push({ id: commandId(), sender: 'secretary', socket: i % 2, command: item(`Mục ${i}`) });
    for (let i = 0; i < 60; i++) {
      const payload = { userId: people[i % 4]!, status: statuses[i % 3]!, reason: '' };
      sent.push({
        id: commandId(),
        sender: 'chair',
        socket: i % 2,
        command: { type: 'attendance.set', payload },
      });
    }
    for (let i = 0; i < 40; i++) {
      const payload = { itemId: items[i % 3]! };
      sent.push({
        id: commandId(),
        sender: 'chair',
        socket: i % 2,
        command: { type: 'agenda.setCurrent', payload },
      });
    }
    sent.sort(() => random() - 0.5);
    // fifty in flight at any time, so that the kill lands in the middle of the stream
    let acked = 0;
    let next = 0;
    const sendNext = () => {
      const s = sent[next++];
      if (!s) return;
      senders[s.sender][s.socket]!.socket.emit(
        'command',
        { id: s.id, meetingId, command: s.command },
        (ack: CommandAck) => {
          s.ack = ack;
          if (!ack.ok) return;
          if (++acked === 200) first.process.kill('SIGKILL');
          else if (acked < 200) sendNext();
        },
      );
    };
    for (let i = 0; i < 50; i++) sendNext();
    expect(await first.exited).toBe('SIGKILL');
    const seen = [...watcher.events];
    const ackedOk = sent.filter((s) => s.ack?.ok);
    expect(ackedOk.length).toBeGreaterThanOrEqual(200);
    expect(sent.filter((s) => s.ack && !s.ack.ok)).toEqual([]);
    const maxRev = Math.max(...ackedOk.map((s) => (s.ack as { rev: number }).rev));

    // the same folder, a new process; sessions survive too
    const second = await startChildServer(dataDir);
    children.push(second);
    expect(second.firstAdmin).toBeNull();
    const reader = await connect(second.url, secretary.token);
    const history = await reader.join(meetingId, 0);
    if (!history.ok || history.mode !== 'events') throw new Error(JSON.stringify(history));
    const state: MeetingState = await reader.snapshot(meetingId);
    expect(state.rev).toBeGreaterThanOrEqual(maxRev);
    expect(history.rev).toBe(state.rev);
    expect(history.events.map((e) => e.rev)).toEqual(range(1, state.rev));

    // everything a client saw, and everything acknowledged, is there as it was
    const byRev = new Map<number, MeetingEvent>(history.events.map((e) => [e.rev, e]));
    for (const e of seen) expect(byRev.get(e.rev)).toEqual(e);
    const titles = Object.values(state.agenda.items).map((i) => i.title);
    for (const s of ackedOk) {
      const rev = (s.ack as { rev: number }).rev;
      const e = byRev.get(rev);
      if (s.command.type === 'agenda.add') {
        const title = s.command.payload.title;
        expect(titles.filter((t) => t === title)).toHaveLength(1);
        expect(e?.type === 'agenda.itemAdded' && e.payload.item.title).toBe(title);
      } else if (s.command.type === 'attendance.set') {
        expect(e?.type === 'attendance.changed' && e.payload).toMatchObject({
          userId: s.command.payload.userId,
          status: s.command.payload.status,
        });
      }
    }

    // every command again, with the same ids: the acknowledged ones answer with their old revision
    const again = {
      secretary: await connect(second.url, secretary.token),
      chair: await connect(second.url, chair.token),
    };
    const retries = await Promise.all(
      sent.map((s) => again[s.sender].command(meetingId, s.command, s.id)),
    );
    retries.forEach((ack, i) => {
      const s = sent[i]!;
      expect(ack.ok, s.id).toBe(true);
      if (s.ack?.ok && s.command.type !== 'agenda.setCurrent') expect(ack).toEqual(s.ack);
    });
    const after = await reader.snapshot(meetingId);
    const finalTitles = Object.values(after.agenda.items).map((i) => i.title);
    expect(finalTitles).toHaveLength(3 + 160);
    for (let i = 0; i < 160; i++)
      expect(finalTitles.filter((t) => t === `Mục ${i}`)).toHaveLength(1);
    closeAll([
      watcher,
      ...senders.secretary,
      ...senders.chair,
      reader,
      again.secretary,
      again.chair,
    ]);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function closeAll(clients: TestClient[]): void {
  for (const c of clients) c.close();
}
