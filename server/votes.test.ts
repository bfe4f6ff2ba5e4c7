// Votes and proxies over the wire: a real server, real socket.io clients, what each one sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingEvent } from '../core/index.ts';
import {
  createMeeting,
  expectOk,
  sleep,
  startTestServer,
  until,
  type MeetingFixture,
  type TestClient,
  type TestServer,
} from './testing/harness.ts';
import {
  ballotToken,
  cast,
  closeVote,
  openVote,
  readyToVote,
  refused,
  tallies,
  voteCreate,
  voteStatus,
} from './testing/voting.ts';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t?.close();
});

async function joined(m: MeetingFixture): Promise<{
  chair: TestClient;
  sec: TestClient;
  dels: TestClient[];
  obs: TestClient;
}> {
  const chair = await readyToVote(t, m);
  const others = await Promise.all(
    [m.secretary, ...m.delegates, m.observer].map((p) => t.connect(p.token)),
  );
  for (const c of others) if (!(await c.join(m.meetingId)).ok) throw new Error('join failed');
  return { chair, sec: others[0]!, dels: others.slice(1, -1), obs: others.at(-1)! };
}

const eventsOf = (c: TestClient, type: MeetingEvent['type']) =>
  c.events.filter((e) => e.type === type);

describe('proxies over the wire', () => {
  it('a delegate grants and revokes; chains, strangers and open votes are refused', async () => {
    const m = await createMeeting(t, { delegates: 4 });
    const { chair, sec, dels } = await joined(m);
    const [d1, d2, d3] = [dels[0]!, dels[1]!, dels[2]!];
    const [p1, p2, p3] = [m.delegates[0]!, m.delegates[1]!, m.delegates[2]!];
    const grant = (toUserId: string, fromUserId?: string) => ({
      type: 'proxy.grant' as const,
      payload: fromUserId ? { fromUserId, toUserId } : { toUserId },
    });

    await expectOk(d1.command(m.meetingId, grant(p2.id)));
    await until(() => eventsOf(chair, 'proxy.granted').length === 1, 'the grant at the chair');
    expect(eventsOf(chair, 'proxy.granted')[0]).toMatchObject({
      actor: p1.id,
      payload: { fromUserId: p1.id, toUserId: p2.id },
    });
    // no chains, one per holder, only one's own
    expect(refused(await d2.command(m.meetingId, grant(p3.id)))).toBe('CONFLICT');
    expect(refused(await d3.command(m.meetingId, grant(p1.id)))).toBe('CONFLICT');
    expect(refused(await d3.command(m.meetingId, grant(p2.id)))).toBe('CONFLICT');
    expect(refused(await d3.command(m.meetingId, grant(m.observer.id)))).toBe('CONFLICT');
    expect(refused(await d3.command(m.meetingId, grant(p2.id, p1.id)))).toBe('FORBIDDEN');
    expect(
      refused(
        await d2.command(m.meetingId, { type: 'proxy.revoke', payload: { fromUserId: p1.id } }),
      ),
    ).toBe('FORBIDDEN');
    // the secretary records one for someone else
    await expectOk(sec.command(m.meetingId, grant(m.chair.id, p3.id)));

    // while a vote is open nothing changes hands
    const voteId = await openVote(chair, m.meetingId, m.itemIds[0]!);
    const revoke = { type: 'proxy.revoke' as const, payload: {} };
    const whileOpen = await d1.command(m.meetingId, revoke);
    expect(whileOpen).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await expectOk(closeVote(chair, m.meetingId, voteId));
    await expectOk(d1.command(m.meetingId, revoke));
    const snap = await chair.snapshot(m.meetingId);
    expect(snap.proxies).toEqual({ [p3.id]: m.chair.id });
  });
});

describe('a vote from start to end', () => {
  it('refuses to open without quorum, takes ballots and a change, and tells everyone the result', async () => {
    const m = await createMeeting(t, { delegates: 4 });
    const { chair, dels, obs } = await joined(m);
    const [p1, p2, p3, p4] = m.delegates as [
      typeof m.chair,
      typeof m.chair,
      typeof m.chair,
      typeof m.chair,
    ];
    // three of five members away: no quorum
    for (const p of [p2, p3, p4])
      await expectOk(
        chair.command(m.meetingId, {
          type: 'attendance.set',
          payload: { userId: p.id, status: 'absent', reason: 'Đi công tác' },
        }),
      );
    await expectOk(chair.command(m.meetingId, voteCreate(m.itemIds[0]!, { rule: 'absolute' })));
    const voteId = Object.keys((await chair.snapshot(m.meetingId)).votes)[0]!;
    const open = { type: 'vote.open' as const, payload: { voteId } };
    expect(await chair.command(m.meetingId, open)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'No quorum: 2 of 5 members attend, 3 are needed.' },
    });
    // p2 comes back online, and p3 hands their vote to p1
    await expectOk(
      chair.command(m.meetingId, {
        type: 'attendance.set',
        payload: { userId: p2.id, status: 'online', reason: '' },
      }),
    );
    await expectOk(
      dels[2]!.command(m.meetingId, { type: 'proxy.grant', payload: { toUserId: p1.id } }),
    );
    await expectOk(chair.command(m.meetingId, open));

    const tok = () => ballotToken();
    const [t1, t3] = [tok(), tok()];
    await expectOk(dels[0]!.command(m.meetingId, cast(voteId, ['disagree'], t1)));
    await expectOk(dels[0]!.command(m.meetingId, cast(voteId, ['agree'], t3, p3.id)));
    await expectOk(dels[1]!.command(m.meetingId, cast(voteId, ['agree'], tok())));
    await expectOk(chair.command(m.meetingId, cast(voteId, ['abstain'], tok())));
    // p1 changes their own vote before the close
    await expectOk(dels[0]!.command(m.meetingId, cast(voteId, ['agree'], t1)));
    // an absent delegate, an observer, a wrong option: refused
    expect(refused(await dels[3]!.command(m.meetingId, cast(voteId, ['agree'], tok())))).toBe(
      'CONFLICT',
    );
    expect(refused(await obs.command(m.meetingId, cast(voteId, ['agree'], tok())))).toBe(
      'FORBIDDEN',
    );
    expect(refused(await dels[1]!.command(m.meetingId, cast(voteId, ['maybe'], tok())))).toBe(
      'INVALID_PAYLOAD',
    );

    const mine = await voteStatus(dels[0]!, m.meetingId, voteId);
    expect(mine).toMatchObject({
      ok: true,
      cast: 4,
      eligible: 4,
      mine: [
        { principal: p1.id, voted: true, choices: ['agree'] },
        { principal: p3.id, voted: true, choices: ['agree'] },
      ],
    });

    await expectOk(closeVote(chair, m.meetingId, voteId));
    const everyone = [chair, ...dels, obs];
    for (const c of everyone) await until(() => eventsOf(c, 'vote.closed').length === 1, 'result');
    const results = everyone.map((c) => eventsOf(c, 'vote.closed')[0]);
    for (const r of results) expect(r).toEqual(results[0]);
    const closed = results[0]!;
    if (closed.type !== 'vote.closed') throw new Error('expected vote.closed');
    expect(closed.payload.result).toMatchObject({
      counts: { agree: 3, disagree: 0, abstain: 1 },
      cast: 4,
      members: 5,
      eligible: 4,
      rule: 'absolute',
      adopted: true,
      threshold: 3,
      basis: 5,
      roll: [m.chair.id, p1.id, p2.id, p3.id].sort(),
    });
    expect(closed.payload.result.ballots).toContainEqual({
      voterId: p3.id,
      castBy: p1.id,
      choices: ['agree'],
    });
    expect(refused(await dels[1]!.command(m.meetingId, cast(voteId, ['disagree'], tok())))).toBe(
      'CONFLICT',
    );
  });

  it('a vote that forbids changes keeps the first ballot; a retry of it is fine', async () => {
    const m = await createMeeting(t, { delegates: 2 });
    const { chair, dels } = await joined(m);
    const voteId = await openVote(chair, m.meetingId, m.itemIds[0]!, {
      allowChange: false,
      kind: 'secret',
    });
    const token = ballotToken();
    const first = cast(voteId, ['agree'], token);
    await expectOk(dels[0]!.command(m.meetingId, first, 'cmd-first-ballot'));
    expect(await dels[0]!.command(m.meetingId, first, 'cmd-first-ballot')).toMatchObject({
      ok: true,
    });
    expect(await dels[0]!.command(m.meetingId, first)).toMatchObject({ ok: true });
    expect(refused(await dels[0]!.command(m.meetingId, cast(voteId, ['disagree'], token)))).toBe(
      'CONFLICT',
    );
    // a secret ballot cannot be changed from another device (another token)
    expect(
      refused(await dels[0]!.command(m.meetingId, cast(voteId, ['agree'], ballotToken()))),
    ).toBe('CONFLICT');
    expect(await voteStatus(dels[0]!, m.meetingId, voteId)).toMatchObject({
      cast: 1,
      mine: [{ voted: true }],
    });
  });
});

describe('live tallies', () => {
  it('under "chair", only the chair and the secretary see the counts; after the close, all do', async () => {
    const m = await createMeeting(t, { delegates: 3 });
    const { chair, sec, dels, obs } = await joined(m);
    const seen = new Map([chair, sec, ...dels, obs].map((c) => [c, tallies(c)]));
    const voteId = await openVote(chair, m.meetingId, m.itemIds[0]!, { visibility: 'chair' });
    await expectOk(dels[0]!.command(m.meetingId, cast(voteId, ['agree'], ballotToken())));
    await expectOk(dels[1]!.command(m.meetingId, cast(voteId, ['disagree'], ballotToken())));
    for (const [, got] of seen) await until(() => got.at(-1)?.cast === 2, 'a tally with 2 ballots');
    for (const c of [chair, sec])
      expect(seen.get(c)!.at(-1)).toEqual({
        meetingId: m.meetingId,
        voteId,
        cast: 2,
        eligible: 4,
        counts: { agree: 1, disagree: 1, abstain: 0 },
      });
    for (const c of [...dels, obs]) {
      expect(seen.get(c)!.every((msg) => msg.counts === undefined)).toBe(true);
      expect(seen.get(c)!.at(-1)).toEqual({ meetingId: m.meetingId, voteId, cast: 2, eligible: 4 });
    }
    const asked = await voteStatus(dels[2]!, m.meetingId, voteId);
    expect(asked).toMatchObject({ ok: true, cast: 2, eligible: 4 });
    expect('counts' in asked).toBe(false);
    const chairAsked = await voteStatus(chair, m.meetingId, voteId);
    expect(chairAsked.ok && chairAsked.counts).toEqual({ agree: 1, disagree: 1, abstain: 0 });

    await expectOk(closeVote(chair, m.meetingId, voteId));
    const after = await voteStatus(dels[2]!, m.meetingId, voteId);
    expect(after).toMatchObject({ ok: true, cast: 2, counts: { agree: 1, disagree: 1 } });
  });

  it('under "afterClose", not even the chair sees counts while it is open', async () => {
    const m = await createMeeting(t, { delegates: 2 });
    const { chair, dels } = await joined(m);
    const got = tallies(chair);
    const voteId = await openVote(chair, m.meetingId, m.itemIds[0]!, { visibility: 'afterClose' });
    await expectOk(dels[0]!.command(m.meetingId, cast(voteId, ['agree'], ballotToken())));
    await until(() => got.length > 0, 'a tally');
    expect(got).toEqual([{ meetingId: m.meetingId, voteId, cast: 1, eligible: 3 }]);
  });

  it('coalesces: 100 ballots in a burst make a few tally messages per client, not 100', async () => {
    const m = await createMeeting(t, { delegates: 100, items: 1 });
    const chair = await readyToVote(t, m);
    const voters = await Promise.all(m.delegates.map((p) => t.connect(p.token)));
    await Promise.all(voters.map((c) => c.join(m.meetingId)));
    const voteId = await openVote(chair, m.meetingId, m.itemIds[0]!);
    const got = [chair, ...voters].map(tallies);
    const times = new Map<TestClient, number[]>();
    for (const c of [chair, ...voters])
      c.socket.on('vote:tally', () => times.set(c, [...(times.get(c) ?? []), performance.now()]));
    const choices = ['agree', 'disagree', 'abstain'];
    const acks = await Promise.all(
      voters.map((c, i) => c.command(m.meetingId, cast(voteId, [choices[i % 3]!], ballotToken()))),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    for (const g of got) await until(() => g.at(-1)?.cast === 100, 'the final tally', 10_000);
    await sleep(400); // nothing more should come
    for (const [, at] of times) {
      // a few messages, spaced by the 250 ms interval (with slack for delivery under load)
      expect(at.length).toBeLessThanOrEqual(5);
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThan(100);
    }
    expect(got[0]!.at(-1)?.counts).toEqual({ agree: 34, disagree: 33, abstain: 33 });
    for (const c of voters) c.close();
  });
});

describe('the deadline', () => {
  it('closes the vote at the deadline, with the ballots cast by then', async () => {
    const m = await createMeeting(t, { delegates: 2 });
    const { chair, dels } = await joined(m);
    const deadline = new Date(Date.now() + 1200).toISOString();
    const voteId = await openVote(chair, m.meetingId, m.itemIds[0]!, { deadline, kind: 'secret' });
    await expectOk(dels[0]!.command(m.meetingId, cast(voteId, ['agree'], ballotToken())));
    await until(() => eventsOf(dels[1]!, 'vote.closed').length === 1, 'the close', 5_000);
    const e = eventsOf(dels[1]!, 'vote.closed')[0]!;
    expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(deadline));
    expect(e).toMatchObject({
      actor: 'system',
      payload: { voteId, result: { cast: 1, counts: { agree: 1 } } },
    });
  });
});
