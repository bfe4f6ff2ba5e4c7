// The majority rules and the result's numbers (docs/voting-rules.md), on plain counts.
import { describe, expect, it } from 'vitest';
import { STANDARD_LABELS, STANDARD_OPTIONS, type Vote } from './model.ts';
import { applyRule, computeResult, leadingOptions } from './tally.ts';

const standard: Pick<Vote, 'options' | 'rule' | 'kind'> = {
  options: STANDARD_OPTIONS.map((id) => ({ id, label: STANDARD_LABELS[id] })),
  rule: 'simple',
  kind: 'secret',
};

describe('simple majority: more than half of the votes for or against', () => {
  it('adopts with one vote more than half, and states the numbers', () => {
    expect(applyRule('simple', 5, 4, 20)).toEqual({ adopted: true, threshold: 5, basis: 9 });
    expect(applyRule('simple', 1, 0, 20)).toEqual({ adopted: true, threshold: 1, basis: 1 });
  });

  it('rejects a tie', () => {
    expect(applyRule('simple', 4, 4, 20)).toEqual({ adopted: false, threshold: 5, basis: 8 });
    expect(applyRule('simple', 1, 1, 2)).toMatchObject({ adopted: false, threshold: 2 });
  });

  it('rejects when nobody voted for or against (zero votes, or abstentions only)', () => {
    expect(applyRule('simple', 0, 0, 20)).toEqual({ adopted: false, threshold: 1, basis: 0 });
    const onlyAbstain = computeResult(standard, { counts: { abstain: 7 }, roll: ['a'] }, 9, 9);
    expect(onlyAbstain).toMatchObject({ adopted: false, threshold: 1, basis: 0, cast: 1 });
  });

  it('does not count abstentions as votes cast', () => {
    // 3 for, 2 against, 10 "Không biểu quyết": 3 > 5/2 → adopted (as cast it would be 3 of 15)
    const r = computeResult(
      standard,
      { counts: { agree: 3, disagree: 2, abstain: 10 }, roll: ids(15) },
      20,
      18,
    );
    expect(r).toMatchObject({ adopted: true, threshold: 3, basis: 5, cast: 15 });
  });
});

describe('absolute majority: more than half of all members', () => {
  it('needs floor(n/2)+1 agree votes, even and odd', () => {
    expect(applyRule('absolute', 5, 0, 10)).toEqual({ adopted: false, threshold: 6, basis: 10 });
    expect(applyRule('absolute', 6, 4, 10)).toEqual({ adopted: true, threshold: 6, basis: 10 });
    expect(applyRule('absolute', 5, 0, 9)).toEqual({ adopted: true, threshold: 5, basis: 9 });
  });

  it('absent members weigh as not agreeing', () => {
    // 7 members, 3 attend and all agree: 3 is not more than half of 7
    const r = computeResult(
      { ...standard, rule: 'absolute' },
      { counts: { agree: 3 }, roll: ids(3) },
      7,
      3,
    );
    expect(r).toMatchObject({ adopted: false, threshold: 4, basis: 7, members: 7, eligible: 3 });
  });

  it('half of the members exactly is a tie, rejected', () => {
    expect(applyRule('absolute', 4, 4, 8)).toMatchObject({ adopted: false, threshold: 5 });
  });

  it('nothing passes without members', () => {
    expect(applyRule('absolute', 0, 0, 0)).toMatchObject({ adopted: false, threshold: 1 });
  });
});

describe('two thirds of all members', () => {
  it('needs ceil(2n/3) agree votes', () => {
    expect(applyRule('twoThirds', 6, 0, 9)).toEqual({ adopted: true, threshold: 6, basis: 9 });
    expect(applyRule('twoThirds', 5, 0, 9)).toMatchObject({ adopted: false });
    expect(applyRule('twoThirds', 6, 0, 10)).toEqual({ adopted: false, threshold: 7, basis: 10 });
    expect(applyRule('twoThirds', 7, 3, 10)).toMatchObject({ adopted: true });
    expect(applyRule('twoThirds', 2, 1, 3)).toEqual({ adopted: true, threshold: 2, basis: 3 });
    expect(applyRule('twoThirds', 333, 0, 500)).toMatchObject({ adopted: false, threshold: 334 });
  });

  it('with zero votes or no members nothing passes', () => {
    expect(applyRule('twoThirds', 0, 0, 9)).toMatchObject({ adopted: false });
    expect(applyRule('twoThirds', 0, 0, 0)).toEqual({ adopted: false, threshold: 1, basis: 0 });
  });
});

describe('the result', () => {
  it('has every option in the counts, the roll sorted, and the numbers in the explanation', () => {
    const r = computeResult(
      { ...standard, rule: 'absolute' },
      { counts: { agree: 2 }, roll: ['z', 'a', 'm'] },
      5,
      4,
    );
    expect(r.counts).toEqual({ agree: 2, disagree: 0, abstain: 0 });
    expect(r.roll).toEqual(['a', 'm', 'z']);
    expect(r.cast).toBe(3);
    expect(r.leading).toEqual(['agree']);
    expect(r.ballots).toBeUndefined(); // a secret vote has no ballots in its result
    expect(r.explanation).toBe(
      'Rejected: 2 agree, 0 disagree, 0 abstain; 3 of 4 eligible voted. ' +
        'Needed 3 agree: more than half of all 5 members.',
    );
  });

  it('lists a named vote’s ballots by voter', () => {
    const ballots = [
      { voterId: 'b', castBy: 'b', choices: ['agree'] },
      { voterId: 'a', castBy: 'c', choices: ['disagree'] },
    ];
    const r = computeResult(
      { ...standard, kind: 'named' },
      { counts: { agree: 1, disagree: 1 }, roll: ['b', 'a'], ballots },
      3,
      3,
    );
    expect(r.ballots?.map((b) => b.voterId)).toEqual(['a', 'b']);
    expect(r.adopted).toBe(false); // 1 to 1
  });

  it('custom options: counts and the leading option(s), no adoption', () => {
    const vote = {
      options: [
        { id: 'o1', label: 'Phương án A' },
        { id: 'o2', label: 'Phương án B' },
        { id: 'o3', label: 'Phương án C' },
      ],
      rule: 'simple' as const,
      kind: 'named' as const,
    };
    const r = computeResult(vote, { counts: { o1: 4, o3: 4, o2: 1 }, roll: ids(6) }, 10, 8);
    expect(r).toMatchObject({ adopted: null, threshold: 0, basis: 6, leading: ['o1', 'o3'] });
    expect(r.explanation).toContain('Phương án A 4, Phương án B 1, Phương án C 4');
    expect(leadingOptions(vote.options, {})).toEqual([]);
    expect(leadingOptions(vote.options, { o2: 1 })).toEqual(['o2']);
  });
});

function ids(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `p${i}`);
}
