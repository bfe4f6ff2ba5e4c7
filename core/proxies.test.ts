// Proxy rules (docs/voting-rules.md): between voting members, no chains, a limit per holder,
// one per principal, never changed while a vote is open, and the quorum counts people, not proxies.
import { describe, expect, it } from 'vitest';
import { proxiesHeldBy } from './proxies.ts';
import { quorumStatus } from './quorum.ts';
import { delegate, observer, secretary } from './test-support.ts';
import {
  act,
  attend,
  closeVote,
  createVote,
  member,
  openVote,
  TestBox,
  tryAct,
  votingMeeting,
} from './voting-test-support.ts';

const grant = (toUserId: string, fromUserId?: string) => ({
  type: 'proxy.grant' as const,
  payload: fromUserId ? { fromUserId, toUserId } : { toUserId },
});
const revoke = (fromUserId?: string) => ({
  type: 'proxy.revoke' as const,
  payload: fromUserId ? { fromUserId } : {},
});
const refusal = (d: ReturnType<typeof tryAct>) => (d.ok ? 'ok' : d.error.code);

describe('granting a proxy', () => {
  it('a delegate hands their own vote to another delegate or the chair', () => {
    let s = act(votingMeeting(), grant('del2'), delegate);
    expect(s.proxies).toEqual({ del1: 'del2' });
    s = act(s, grant('chair'), member('d3'));
    expect(proxiesHeldBy(s, 'chair')).toEqual(['d3']);
  });

  it('only between voting members, never to oneself', () => {
    const s = votingMeeting();
    expect(refusal(tryAct(s, grant('obs'), delegate))).toBe('CONFLICT');
    expect(refusal(tryAct(s, grant('sec'), delegate))).toBe('CONFLICT');
    expect(refusal(tryAct(s, grant('del1'), delegate))).toBe('CONFLICT');
    expect(refusal(tryAct(s, grant('del1'), observer))).toBe('FORBIDDEN');
  });

  it('for someone else only by the secretary (or an administrator)', () => {
    const s = votingMeeting();
    expect(refusal(tryAct(s, grant('d3', 'del2'), delegate))).toBe('FORBIDDEN');
    expect(act(s, grant('d3', 'del2'), secretary).proxies).toEqual({ del2: 'd3' });
  });

  it('no chains: a holder cannot give, a principal cannot hold', () => {
    const s = act(votingMeeting(), grant('del2'), delegate); // del1 → del2
    expect(refusal(tryAct(s, grant('d3'), member('del2')))).toBe('CONFLICT'); // holder gives
    expect(refusal(tryAct(s, grant('del1'), member('d3')))).toBe('CONFLICT'); // principal holds
  });

  it('one proxy per holder unless the meeting allows more', () => {
    let s = act(votingMeeting(), grant('del2'), delegate);
    expect(refusal(tryAct(s, grant('del2'), member('d3')))).toBe('CONFLICT');
    s = act(s, { type: 'meeting.update', payload: { maxProxiesPerHolder: 2 } }, secretary);
    s = act(s, grant('del2'), member('d3'));
    expect(proxiesHeldBy(s, 'del2')).toEqual(['del1', 'd3']);
    expect(refusal(tryAct(s, grant('del2'), member('d4')))).toBe('CONFLICT');
  });

  it('one per principal: the same again is a no-op, another holder needs a revoke first', () => {
    const s = act(votingMeeting(), grant('del2'), delegate);
    expect(tryAct(s, grant('del2'), delegate)).toEqual({ ok: true, events: [] });
    expect(refusal(tryAct(s, grant('d3'), delegate))).toBe('CONFLICT');
    const moved = act(act(s, revoke(), delegate), grant('d3'), delegate);
    expect(moved.proxies).toEqual({ del1: 'd3' });
  });
});

describe('revoking a proxy', () => {
  it('by the principal or the secretary, not by another delegate', () => {
    const s = act(votingMeeting(), grant('del2'), delegate);
    expect(act(s, revoke(), delegate).proxies).toEqual({});
    expect(act(s, revoke('del1'), secretary).proxies).toEqual({});
    expect(refusal(tryAct(s, revoke('del1'), member('del2')))).toBe('FORBIDDEN');
    expect(tryAct(votingMeeting(), revoke(), delegate)).toEqual({ ok: true, events: [] });
  });

  it('neither granted nor revoked while a vote is open; again once it is closed', () => {
    let s = act(votingMeeting(), grant('del2'), delegate);
    s = openVote(createVote(s));
    expect(refusal(tryAct(s, revoke(), delegate))).toBe('CONFLICT');
    expect(refusal(tryAct(s, grant('chair'), member('d3')))).toBe('CONFLICT');
    s = closeVote(s, new TestBox());
    expect(act(s, revoke(), delegate).proxies).toEqual({});
  });

  it('a participant who leaves the meeting takes their proxies along', () => {
    let s = act(votingMeeting(), grant('del2'), delegate);
    s = act(s, grant('chair'), member('d3'));
    s = act(s, { type: 'participant.remove', payload: { userId: 'del2' } }, secretary);
    expect(s.proxies).toEqual({ d3: 'chair' });
  });
});

describe('proxies and the quorum', () => {
  it('the quorum counts members who attend; a proxy carries a vote, not a presence', () => {
    let s = act(votingMeeting(), grant('del2'), delegate);
    for (const id of ['del1', 'd3', 'd4']) s = attend(s, id, 'absent');
    expect(quorumStatus(s)).toEqual({ members: 5, attending: 2, required: 3, met: false });
    const d = tryAct(
      createVote(s),
      { type: 'vote.open', payload: { voteId: 'v1' } },
      member('chair'),
    );
    expect(d.ok || d.error.message).toBe('No quorum: 2 of 5 members attend, 3 are needed.');
  });
});
