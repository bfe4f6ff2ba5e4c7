// A real server process killed with SIGKILL while delegates cast ballots into a named and a
// secret vote: after a restart every acknowledged ballot is there, and the clients' retries
// (same command ids, same tokens) count nothing twice.
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientCommand, CommandAck } from '../core/index.ts';
import { startChildServer, type ChildServer } from './testing/child-process.ts';
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
import { ballotToken, cast, voteCreate, voteStatus } from './testing/voting.ts';

const VOTERS = 40;
const CHOICES = ['agree', 'disagree', 'abstain'] as const;

const children: ChildServer[] = [];
const dirs: string[] = [];
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  for (const c of children) await c.kill();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function open(url: string, token: string): Promise<TestClient> {
  const c = await connect(url, token);
  clients.push(c);
  return c;
}

interface Ballot {
  voter: number;
  voteId: string;
  id: string;
  command: ClientCommand;
  choice: string;
  ack?: CommandAck;
}

describe('a crash in the middle of a vote', () => {
  it('counts every acknowledged ballot, and retried ballots once', async () => {
    const dataDir = await makeDataDir();
    dirs.push(dataDir);
    const first = await startChildServer(dataDir);
    children.push(first);
    const admin = await loginFirstAdmin(first.url, first.firstAdmin!);
    const secretary = await accountOn(first.url, admin, 'thuky', 'secretary');
    const chair = await accountOn(first.url, admin, 'chutoa', 'member');
    const voters = await Promise.all(
      Array.from({ length: VOTERS }, (_, i) =>
        accountOn(first.url, admin, `daibieu${i}`, 'member'),
      ),
    );

    const sec = await open(first.url, secretary.token);
    const { meetingId } = await expectOk(sec.command(null, meetingCreate('Kỳ họp thứ 12')));
    const roles = [[chair, 'chair'] as const, ...voters.map((v) => [v, 'delegate'] as const)];
    await Promise.all(
      roles.map(([p, role]) =>
        expectOk(
          sec.command(meetingId, { type: 'participant.add', payload: { userId: p.id, role } }),
        ),
      ),
    );
    await expectOk(
      sec.command(meetingId, {
        type: 'agenda.add',
        payload: {
          parentId: null,
          title: 'Nghị quyết',
          description: '',
          presenter: '',
          durationMin: null,
        },
      }),
    );
    await expectOk(sec.command(meetingId, { type: 'meeting.publish', payload: {} }));
    const ch = await open(first.url, chair.token);
    const item = (await ch.snapshot(meetingId)).agenda.children['']![0]!;
    const run = (c: ClientCommand) => expectOk(ch.command(meetingId, c));
    await run({ type: 'meeting.setStatus', payload: { status: 'in_progress' } });
    await Promise.all(
      [chair, ...voters].map((p) =>
        run({ type: 'attendance.set', payload: { userId: p.id, status: 'present', reason: '' } }),
      ),
    );
    await run(voteCreate(item, { kind: 'named', title: 'Biểu quyết công khai' }));
    await run(voteCreate(item, { kind: 'secret', title: 'Bỏ phiếu kín' }));
    const votes = Object.values((await ch.snapshot(meetingId)).votes);
    const named = votes.find((v) => v.kind === 'named')!.id;
    const secret = votes.find((v) => v.kind === 'secret')!.id;
    for (const voteId of [named, secret]) await run({ type: 'vote.open', payload: { voteId } });

    // every voter casts in both votes; the first ten resend their secret ballot with a new id
    const tokens = voters.map(() => ({ [named]: ballotToken(), [secret]: ballotToken() }));
    const ballot = (voter: number, voteId: string, choice: string): Ballot => ({
      voter,
      voteId,
      id: commandId(),
      command: cast(voteId, [choice], tokens[voter]![voteId]!),
      choice,
    });
    const sent: Ballot[] = [];
    for (let i = 0; i < VOTERS; i++) {
      sent.push(ballot(i, named, CHOICES[i % 3]!));
      sent.push(ballot(i, secret, CHOICES[(i + 1) % 3]!));
      if (i < 10) sent.push(ballot(i, secret, CHOICES[(i + 1) % 3]!));
    }
    const sockets = await Promise.all(voters.map((v) => open(first.url, v.token)));
    // thirty in flight at a time; the kill comes with the 50th ack
    let acked = 0;
    let next = 0;
    const sendNext = () => {
      const b = sent[next++];
      if (!b) return;
      sockets[b.voter]!.socket.emit(
        'command',
        { id: b.id, meetingId, command: b.command },
        (ack: CommandAck) => {
          b.ack = ack;
          if (!ack.ok) return;
          if (++acked === 50) first.process.kill('SIGKILL');
          else if (acked < 50) sendNext();
        },
      );
    };
    for (let i = 0; i < 30; i++) sendNext();
    expect(await first.exited).toBe('SIGKILL');
    expect(sent.filter((b) => b.ack && !b.ack.ok)).toEqual([]);
    const ackedBallots = sent.filter((b) => b.ack?.ok);
    expect(ackedBallots.length).toBeGreaterThanOrEqual(50);
    expect(sent.length - ackedBallots.length).toBeGreaterThan(0);

    // the same folder, a new process
    const second = await startChildServer(dataDir);
    children.push(second);
    const ch2 = await open(second.url, chair.token);
    await ch2.join(meetingId);
    const again = await Promise.all(voters.map((v) => open(second.url, v.token)));

    // every acknowledged ballot is there: in the counts, and in each voter's own status
    for (const voteId of [named, secret]) {
      const mine = ackedBallots.filter((b) => b.voteId === voteId);
      const status = await voteStatus(ch2, meetingId, voteId);
      if (!status.ok) throw new Error(status.error.message);
      expect(status.cast).toBeGreaterThanOrEqual(new Set(mine.map((b) => b.voter)).size);
      for (const c of CHOICES) {
        const acks = new Set(mine.filter((b) => b.choice === c).map((b) => b.voter)).size;
        expect(status.counts?.[c] ?? 0).toBeGreaterThanOrEqual(acks);
      }
      for (const b of mine) {
        const own = await voteStatus(again[b.voter]!, meetingId, voteId);
        expect(own.ok && own.mine[0]).toEqual({
          principal: voters[b.voter]!.id,
          voted: true,
          ...(voteId === named ? { choices: [b.choice] } : {}),
        });
      }
    }

    // the clients retry everything with the same ids and tokens: all acknowledged
    const retries = await Promise.all(
      sent.map((b) => again[b.voter]!.command(meetingId, b.command, b.id)),
    );
    expect(retries.filter((a) => !a.ok)).toEqual([]);

    // closed now, each vote counts each voter once
    for (const voteId of [named, secret])
      await expectOk(ch2.command(meetingId, { type: 'vote.close', payload: { voteId } }));
    const result = (await ch2.snapshot(meetingId)).votes;
    const expected = (shift: number) =>
      Object.fromEntries(
        CHOICES.map((c, k) => [
          c,
          Array.from({ length: VOTERS }, (_, i) => (i + shift) % 3).filter((x) => x === k).length,
        ]),
      );
    expect(result[named]?.result).toMatchObject({ cast: VOTERS, counts: expected(0) });
    expect(result[secret]?.result).toMatchObject({ cast: VOTERS, counts: expected(1) });
    expect(result[named]?.result?.ballots).toEqual(
      voters
        .map((v, i) => ({ voterId: v.id, castBy: v.id, choices: [CHOICES[i % 3]] }))
        .sort((a, b) => (a.voterId < b.voterId ? -1 : 1)),
    );
  });
});
