// Builds meetings for the tests of proxies, speakers and votes, by running real commands.
import { apply } from './apply.ts';
import { decide, type DecideContext, type Decision } from './decide.ts';
import type { MeetingEvent } from './events.ts';
import type { Actor, MeetingState } from './model.ts';
import type { ClientCommand, CommandOf } from './schemas.ts';
import { EMPTY_TALLY, type VoteTally } from './tally.ts';
import { chair, run, sampleMeeting, secretary } from './test-support.ts';

export const NOW = '2026-12-03T01:00:00.000Z';
export const member = (userId: string): Actor => ({ userId, globalRole: 'member' });

export interface ActOptions {
  tally?: VoteTally;
  now?: string;
  id?: string;
}

export function ctx(actor: Actor, opts: ActOptions = {}): DecideContext {
  let n = 0;
  return {
    actor,
    now: opts.now ?? NOW,
    newId: () => opts.id ?? `gen${++n}`,
    accountName: (id) => `Đại biểu ${id}`,
    tally: () => opts.tally ?? EMPTY_TALLY,
  };
}

export function tryAct(
  s: MeetingState,
  command: ClientCommand,
  actor: Actor,
  opts: ActOptions = {},
): Decision {
  return decide(s, command, ctx(actor, opts));
}

/** Runs a command and applies its events; throws when refused. */
export function act(
  s: MeetingState,
  command: ClientCommand,
  actor: Actor,
  opts: ActOptions = {},
): MeetingState {
  const d = tryAct(s, command, actor, opts);
  if (!d.ok) throw new Error(`${command.type} refused: ${d.error.code} ${d.error.message}`);
  return d.events.reduce(
    (st, body) =>
      apply(st, { ...body, rev: st.rev + 1, at: NOW, actor: actor.userId } as MeetingEvent),
    s,
  );
}

/**
 * sampleMeeting (chair, del1, del2, observer, secretary) plus delegates d3..dN, in progress,
 * every member present, the first agenda item current.
 */
export function votingMeeting(extraDelegates = 2): MeetingState {
  let s = sampleMeeting();
  for (let i = 3; i < 3 + extraDelegates; i++) {
    s = act(
      s,
      { type: 'participant.add', payload: { userId: `d${i}`, role: 'delegate' } },
      secretary,
    );
  }
  s = run(s, { type: 'meeting.setStatus', payload: { status: 'in_progress' } }, chair).state;
  s = run(s, { type: 'agenda.setCurrent', payload: { itemId: 'A' } }, chair).state;
  for (const id of memberIdsOf(s)) s = attend(s, id, 'present');
  return s;
}

export function memberIdsOf(s: MeetingState): string[] {
  return Object.values(s.participants)
    .filter((p) => p.role === 'delegate' || p.role === 'chair')
    .map((p) => p.userId);
}

export function attend(
  s: MeetingState,
  userId: string,
  status: 'present' | 'online' | 'absent',
): MeetingState {
  return act(s, { type: 'attendance.set', payload: { userId, status, reason: '' } }, secretary);
}

export function createVote(
  s: MeetingState,
  overrides: Partial<CommandOf<'vote.create'>['payload']> = {},
  id = 'v1',
): MeetingState {
  const payload = {
    itemId: 'A',
    title: 'Thông qua nghị quyết',
    kind: 'named' as const,
    options: { kind: 'standard' as const },
    multiple: false,
    rule: 'simple' as const,
    visibility: 'all' as const,
    allowChange: true,
    deadline: null,
    ...overrides,
  };
  return act(s, { type: 'vote.create', payload }, chair, { id });
}

export function openVote(s: MeetingState, voteId = 'v1'): MeetingState {
  return act(s, { type: 'vote.open', payload: { voteId } }, chair);
}

export function castCommand(
  voteId: string,
  choices: string[],
  onBehalfOf: string | null = null,
): ClientCommand {
  return {
    type: 'vote.cast',
    payload: { voteId, choices, onBehalfOf, token: 'tok-0123456789abcdefghijk' },
  };
}

/** A ballot box in miniature: the last ballot per principal counts, like the server's. */
export class TestBox {
  readonly #ballots = new Map<string, { castBy: string; choices: string[] }>();

  /** Casts through decide (so every rule applies), then records it; throws when refused. */
  cast(s: MeetingState, by: string, choices: string[], onBehalfOf: string | null = null): void {
    const d = tryAct(s, castCommand('v1', choices, onBehalfOf), member(by));
    if (!d.ok) throw new Error(`vote.cast refused: ${d.error.code} ${d.error.message}`);
    this.#ballots.set(onBehalfOf ?? by, { castBy: by, choices });
  }

  tally(): VoteTally {
    const counts: Record<string, number> = {};
    for (const b of this.#ballots.values())
      for (const c of b.choices) counts[c] = (counts[c] ?? 0) + 1;
    const ballots = [...this.#ballots].map(([voterId, b]) => ({ voterId, ...b }));
    return { counts, roll: [...this.#ballots.keys()], ballots };
  }
}

export function closeVote(s: MeetingState, box: TestBox, voteId = 'v1'): MeetingState {
  return act(s, { type: 'vote.close', payload: { voteId } }, chair, { tally: box.tally() });
}
