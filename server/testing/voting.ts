// Helpers for the vote, proxy, speaker and projector tests: a meeting ready to vote, ballot
// tokens, and clients that record every message the server sends them.
import { randomBytes } from 'node:crypto';
import type { ClientCommand, CommandAck, TallyMessage, VoteStatusAck } from '../../core/index.ts';
import { expectOk, type MeetingFixture, type TestClient, type TestServer } from './harness.ts';

/** A client's ballot token for one (vote, principal): 22-64 letters, digits, _ or -. */
export function ballotToken(): string {
  return randomBytes(18).toString('base64url');
}

export type VoteCreate = Extract<ClientCommand, { type: 'vote.create' }>['payload'];

export function voteCreate(itemId: string, overrides: Partial<VoteCreate> = {}): ClientCommand {
  return {
    type: 'vote.create',
    payload: {
      itemId,
      title: 'Thông qua Nghị quyết về dự toán ngân sách năm 2027',
      kind: 'named',
      options: { kind: 'standard' },
      multiple: false,
      rule: 'simple',
      visibility: 'all',
      allowChange: true,
      deadline: null,
      ...overrides,
    },
  };
}

export function cast(
  voteId: string,
  choices: string[],
  token: string,
  onBehalfOf: string | null = null,
): ClientCommand {
  return { type: 'vote.cast', payload: { voteId, choices, onBehalfOf, token } };
}

/**
 * The meeting in progress on its first item with every member (chair and delegates) present;
 * returns the chair's client, joined.
 */
export async function readyToVote(t: TestServer, m: MeetingFixture): Promise<TestClient> {
  const chair = await t.connect(m.chair.token);
  if (!(await chair.join(m.meetingId)).ok) throw new Error('the chair could not join');
  const run = (c: ClientCommand) => expectOk(chair.command(m.meetingId, c));
  await run({ type: 'meeting.setStatus', payload: { status: 'in_progress' } });
  await run({ type: 'agenda.setCurrent', payload: { itemId: m.itemIds[0]! } });
  await Promise.all(
    [m.chair, ...m.delegates].map((p) =>
      run({ type: 'attendance.set', payload: { userId: p.id, status: 'present', reason: '' } }),
    ),
  );
  return chair;
}

/** Creates and opens a vote as the chair; returns its id. */
export async function openVote(
  chair: TestClient,
  meetingId: string,
  itemId: string,
  overrides: Partial<VoteCreate> = {},
): Promise<string> {
  await expectOk(chair.command(meetingId, voteCreate(itemId, overrides)));
  const snap = await chair.snapshot(meetingId);
  const voteId = Object.values(snap.votes).find((v) => v.status === 'draft')!.id;
  await expectOk(chair.command(meetingId, { type: 'vote.open', payload: { voteId } }));
  return voteId;
}

/** Collects a client's `vote:tally` messages. */
export function tallies(c: TestClient): TallyMessage[] {
  const got: TallyMessage[] = [];
  c.socket.on('vote:tally', (msg) => got.push(msg));
  return got;
}

export function voteStatus(
  c: TestClient,
  meetingId: string,
  voteId: string,
): Promise<VoteStatusAck> {
  return c.socket.timeout(10_000).emitWithAck('vote:status', { meetingId, voteId });
}

export async function closeVote(chair: TestClient, meetingId: string, voteId: string) {
  return chair.command(meetingId, { type: 'vote.close', payload: { voteId } });
}

export function refused(ack: CommandAck): string {
  return ack.ok ? 'ok' : ack.error.code;
}
