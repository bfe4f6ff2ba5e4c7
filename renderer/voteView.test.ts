import { describe, expect, it } from 'vitest';
import { emptyMeeting, type MeetingState, type Vote, type VoteResult } from '../core/index.ts';
import { ballotPrincipals, projectedVote, resultBase, sortVotes } from './voteView.ts';

const STANDARD = [
  { id: 'agree', label: 'Tán thành' },
  { id: 'disagree', label: 'Không tán thành' },
  { id: 'abstain', label: 'Không biểu quyết' },
];

function vote(id: string, status: Vote['status'], changes: Partial<Vote> = {}): Vote {
  return {
    id,
    itemId: 'a',
    title: `Vote ${id}`,
    kind: 'named',
    options: STANDARD,
    multiple: false,
    maxChoices: 1,
    rule: 'simple',
    visibility: 'all',
    allowChange: true,
    deadline: null,
    status,
    createdAt: '2026-12-03T01:00:00.000Z',
    openedAt: status === 'draft' ? null : '2026-12-03T01:05:00.000Z',
    closedAt: status === 'closed' ? '2026-12-03T01:10:00.000Z' : null,
    result: null,
    ...changes,
  };
}

function result(changes: Partial<VoteResult> = {}): VoteResult {
  return {
    counts: { agree: 2, disagree: 1, abstain: 1 },
    cast: 4,
    members: 7,
    eligible: 5,
    rule: 'simple',
    adopted: true,
    threshold: 2,
    basis: 3,
    leading: ['agree'],
    explanation: '',
    roll: [],
    ...changes,
  };
}

function meeting(changes: Partial<MeetingState> = {}): MeetingState {
  return {
    ...emptyMeeting(),
    participants: {
      chair: { userId: 'chair', displayName: 'Trần Văn Hùng', role: 'chair' },
      d1: { userId: 'd1', displayName: 'Đặng Văn Dũng', role: 'delegate' },
      d2: { userId: 'd2', displayName: 'Âu Thị Ngọc Ánh', role: 'delegate' },
      d3: { userId: 'd3', displayName: 'Ưng Thiện Ân', role: 'delegate' },
      obs: { userId: 'obs', displayName: 'Uông Minh Tâm', role: 'observer' },
    },
    currentItemId: 'a',
    ...changes,
  };
}

describe('sortVotes', () => {
  it('lists open votes, then drafts, then closed ones, newest first', () => {
    const votes = [
      vote('c1', 'closed', { closedAt: '2026-12-03T01:10:00.000Z' }),
      vote('d1', 'draft'),
      vote('c2', 'closed', { closedAt: '2026-12-03T02:10:00.000Z' }),
      vote('o1', 'open'),
    ];
    expect(sortVotes(votes).map((v) => v.id)).toEqual(['o1', 'd1', 'c2', 'c1']);
  });
});

describe('projectedVote', () => {
  it('shows the open vote, else the latest result on the current item', () => {
    const early = vote('c1', 'closed', { result: result() });
    const late = vote('c2', 'closed', { result: result(), closedAt: '2026-12-03T03:00:00.000Z' });
    const elsewhere = vote('c3', 'closed', {
      result: result(),
      itemId: 'b',
      closedAt: '2026-12-03T04:00:00.000Z',
    });
    const votes = { c1: early, c2: late, c3: elsewhere };
    expect(projectedVote(meeting({ votes }))?.id).toBe('c2');
    expect(projectedVote(meeting({ votes, currentItemId: null }))?.id).toBe('c3');
    expect(projectedVote(meeting({ votes: { ...votes, o: vote('o', 'open') } }))?.id).toBe('o');
    expect(projectedVote(meeting({ votes: { d: vote('d', 'draft') } }))).toBeNull();
  });
});

describe('resultBase', () => {
  it('measures shares against the members under a members rule, else the ballots cast', () => {
    expect(resultBase(vote('v', 'closed'), result())).toBe(4);
    expect(resultBase(vote('v', 'closed'), result({ rule: 'absolute' }))).toBe(7);
    const custom = vote('v', 'closed', {
      options: [
        { id: 'o1', label: 'A' },
        { id: 'o2', label: 'B' },
      ],
    });
    expect(resultBase(custom, result({ rule: 'twoThirds' }))).toBe(4);
  });
});

describe('ballotPrincipals', () => {
  const proxies = { d3: 'd2' };

  it('is my own ballot and those I hold by proxy, the chair included', () => {
    expect(ballotPrincipals(meeting({ proxies }), 'd2', null)).toEqual(['d2', 'd3']);
    expect(ballotPrincipals(meeting({ proxies }), 'chair', null)).toEqual(['chair']);
    expect(ballotPrincipals(meeting({ proxies }), 'obs', null)).toEqual([]);
  });

  it('leaves out my own once I handed my vote over', () => {
    expect(ballotPrincipals(meeting({ proxies }), 'd3', null)).toEqual([]);
    const mine = [{ principal: 'd3', voted: false }];
    expect(ballotPrincipals(meeting({ proxies }), 'd3', mine)).toEqual([]);
  });

  it('follows the server once it answered', () => {
    const mine = [
      { principal: 'd2', voted: true },
      { principal: 'd3', voted: false },
    ];
    expect(ballotPrincipals(meeting(), 'd2', mine)).toEqual(['d2', 'd3']);
  });
});
