// Counting a vote and the majority rules, with the numbers behind every result. Pure. The rules
// in words, and why they are what they are: docs/voting-rules.md.
import { assertNever } from './errors.ts';
import {
  STANDARD_OPTIONS,
  type NamedBallot,
  type Vote,
  type VoteOption,
  type VoteResult,
  type VoteRule,
} from './model.ts';

/** What the server's ballot box holds for a vote. Ballots are not meeting events. */
export interface VoteTally {
  /** Ballots per option id. */
  counts: Record<string, number>;
  /** Principals who have voted, in any order. */
  roll: string[];
  /** Named votes only: one ballot per principal, the last one cast. */
  ballots?: NamedBallot[];
}

export const EMPTY_TALLY: VoteTally = { counts: {}, roll: [] };

/** A vote on agree / disagree / abstain, the only kind with an adoption rule. */
export function isStandardVote(vote: Pick<Vote, 'options'>): boolean {
  return (
    vote.options.length === STANDARD_OPTIONS.length &&
    vote.options.every((o, i) => o.id === STANDARD_OPTIONS[i])
  );
}

export interface RuleOutcome {
  adopted: boolean;
  /** The agree count needed. */
  threshold: number;
  /** What the threshold is computed from. */
  basis: number;
}

/**
 * simple: more than half of the votes for or against (abstentions are not votes cast);
 * absolute: more than half of all members; twoThirds: at least two thirds of all members.
 * A tie is never more than half, so it is rejected; with nothing to count, nothing passes.
 */
export function applyRule(
  rule: VoteRule,
  agree: number,
  disagree: number,
  members: number,
): RuleOutcome {
  let basis: number;
  let threshold: number;
  switch (rule) {
    case 'simple':
      basis = agree + disagree;
      threshold = Math.floor(basis / 2) + 1;
      break;
    case 'absolute':
      basis = members;
      threshold = Math.floor(members / 2) + 1;
      break;
    case 'twoThirds':
      basis = members;
      // ceil(2n/3) in integers; at least one agree vote, even with no members
      threshold = Math.max(1, Math.floor((2 * members + 2) / 3));
      break;
    default:
      return assertNever(rule);
  }
  return { adopted: agree >= threshold, threshold, basis };
}

/** The option(s) with the most ballots; several on a tie, none when no option has a ballot. */
export function leadingOptions(options: VoteOption[], counts: Record<string, number>): string[] {
  const max = Math.max(0, ...options.map((o) => counts[o.id] ?? 0));
  return max === 0 ? [] : options.filter((o) => (counts[o.id] ?? 0) === max).map((o) => o.id);
}

const RULE_TEXT: Record<VoteRule, (basis: number) => string> = {
  simple: (n) => `more than half of the ${n} votes for or against`,
  absolute: (n) => `more than half of all ${n} members`,
  twoThirds: (n) => `two thirds of all ${n} members`,
};

/** The result of a vote from its final tally; `members` and `eligible` are taken at the close. */
export function computeResult(
  vote: Pick<Vote, 'options' | 'rule' | 'kind'>,
  tally: VoteTally,
  members: number,
  eligible: number,
): VoteResult {
  const counts: Record<string, number> = {};
  for (const o of vote.options) counts[o.id] = tally.counts[o.id] ?? 0;
  const roll = [...tally.roll].sort();
  const cast = roll.length;
  const leading = leadingOptions(vote.options, counts);
  const turnout = `${cast} of ${eligible} eligible voted`;
  const base = { counts, cast, members, eligible, rule: vote.rule, leading, roll };
  const ballots =
    vote.kind === 'named'
      ? {
          ballots: [...(tally.ballots ?? [])].sort((a, b) =>
            a.voterId < b.voterId ? -1 : a.voterId > b.voterId ? 1 : 0,
          ),
        }
      : {};
  if (!isStandardVote(vote)) {
    const list = vote.options.map((o) => `${o.label} ${counts[o.id]}`).join(', ');
    const lead = leading.length
      ? vote.options
          .filter((o) => leading.includes(o.id))
          .map((o) => o.label)
          .join(' / ')
      : 'none';
    return {
      ...base,
      adopted: null,
      threshold: 0,
      basis: cast,
      explanation: `Counts (no adoption rule for custom options): ${list}; leading: ${lead}; ${turnout}.`,
      ...ballots,
    };
  }
  const agree = counts.agree ?? 0;
  const disagree = counts.disagree ?? 0;
  const abstain = counts.abstain ?? 0;
  const outcome = applyRule(vote.rule, agree, disagree, members);
  const verdict = outcome.adopted ? 'Adopted' : 'Rejected';
  return {
    ...base,
    ...outcome,
    explanation:
      `${verdict}: ${agree} agree, ${disagree} disagree, ${abstain} abstain; ${turnout}. ` +
      `Needed ${outcome.threshold} agree: ${RULE_TEXT[vote.rule](outcome.basis)}.`,
    ...ballots,
  };
}
