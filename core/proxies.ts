// Proxies (ủy quyền): a delegate hands their vote to another delegate for the meeting. Rules in
// docs/voting-rules.md: between voting members, no chains, at most `maxProxiesPerHolder` per
// holder, one per principal, and never changed while a vote is open.
import { fail, ok, type DecideContext, type Decision } from './decision.ts';
import type { MeetingEvent } from './events.ts';
import type { MeetingState, Role } from './model.ts';
import { canOrganise } from './permissions.ts';
import type { CommandOf } from './schemas.ts';

/** A voting member: the chair or a delegate (the same people the quorum counts). */
export function isMember(s: MeetingState, userId: string): boolean {
  const role = s.participants[userId]?.role;
  return role === 'delegate' || role === 'chair';
}

/** Present in the room or online. */
export function isAttending(s: MeetingState, userId: string): boolean {
  const a = s.attendance[userId];
  return a !== undefined && a.status !== 'absent';
}

/** The principals whose vote this delegate holds. */
export function proxiesHeldBy(s: MeetingState, holder: string): string[] {
  return Object.keys(s.proxies).filter((from) => s.proxies[from] === holder);
}

export function anyVoteOpen(s: MeetingState): boolean {
  return Object.values(s.votes).some((v) => v.status === 'open');
}

const name = (s: MeetingState, id: string) => s.participants[id]?.displayName ?? id;

export function decideProxy(
  s: MeetingState,
  command: CommandOf<'proxy.grant'> | CommandOf<'proxy.revoke'>,
  ctx: DecideContext,
  role: Role,
): Decision {
  const from = command.payload.fromUserId ?? ctx.actor.userId;
  if (from !== ctx.actor.userId && !canOrganise(role))
    return fail('FORBIDDEN', 'Only the secretary can record a proxy for someone else.');
  if (anyVoteOpen(s))
    return fail('CONFLICT', 'Proxies cannot change while a vote is open; close the vote first.');
  if (command.type === 'proxy.revoke') {
    if (s.proxies[from] === undefined) return ok();
    return ok({ type: 'proxy.revoked', payload: { fromUserId: from } });
  }
  const to = command.payload.toUserId;
  if (!isMember(s, from))
    return fail('CONFLICT', 'Only the chair or a delegate of this meeting can hand over a vote.');
  if (!isMember(s, to))
    return fail(
      'CONFLICT',
      'A vote can only be handed to the chair or a delegate of this meeting.',
    );
  if (from === to) return fail('CONFLICT', 'A delegate cannot hand their vote to themselves.');
  const current = s.proxies[from];
  if (current === to) return ok();
  if (current !== undefined)
    return fail(
      'CONFLICT',
      `${name(s, from)} has already handed their vote to ${name(s, current)}; revoke that first.`,
    );
  if (proxiesHeldBy(s, from).length > 0)
    return fail(
      'CONFLICT',
      `${name(s, from)} holds other delegates' votes and cannot hand theirs on (no chains).`,
    );
  if (s.proxies[to] !== undefined)
    return fail(
      'CONFLICT',
      `${name(s, to)} has handed their own vote on and cannot hold another's (no chains).`,
    );
  if (proxiesHeldBy(s, to).length >= s.maxProxiesPerHolder)
    return fail(
      'CONFLICT',
      `${name(s, to)} already holds ${s.maxProxiesPerHolder} proxy vote(s), the most allowed.`,
    );
  return ok({ type: 'proxy.granted', payload: { fromUserId: from, toUserId: to } });
}

export function applyProxy(
  s: MeetingState,
  e: Extract<MeetingEvent, { type: 'proxy.granted' | 'proxy.revoked' }>,
): MeetingState {
  const proxies = { ...s.proxies };
  if (e.type === 'proxy.granted') proxies[e.payload.fromUserId] = e.payload.toUserId;
  else delete proxies[e.payload.fromUserId];
  return { ...s, proxies };
}

/** The proxies left when a participant leaves the meeting: none from or to them. */
export function proxiesWithout(proxies: Record<string, string>, userId: string) {
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(proxies))
    if (from !== userId && to !== userId) out[from] = to;
  return out;
}
