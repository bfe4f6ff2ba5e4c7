// Votes through decide/apply: creation, opening with the quorum, who may cast what, and the
// result at the close with proxies, absent members and changed ballots.
import { describe, expect, it } from 'vitest';
import { chair, delegate, observer, secretary } from './test-support.ts';
import { canSeeLiveCounts, canVoteNow, eligibleCount } from './voting.ts';
import {
  act,
  attend,
  castCommand,
  closeVote,
  createVote,
  member,
  NOW,
  openVote,
  TestBox,
  tryAct,
  votingMeeting,
} from './voting-test-support.ts';

// votingMeeting(): members chair, del1, del2, d3, d4 (5), all present, meeting in progress

describe('creating a vote', () => {
  it('the chair creates a standard vote as a draft; a delegate cannot', () => {
    const s = createVote(votingMeeting());
    expect(s.votes.v1).toMatchObject({
      status: 'draft',
      kind: 'named',
      multiple: false,
      maxChoices: 1,
      options: [
        { id: 'agree', label: 'Tán thành' },
        { id: 'disagree', label: 'Không tán thành' },
        { id: 'abstain', label: 'Không biểu quyết' },
      ],
      result: null,
    });
    const d = tryAct(votingMeeting(), voteCreate(), delegate);
    expect(d).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('custom options get ids o1..; several choices only for custom options, within their number', () => {
    const custom = { kind: 'custom' as const, labels: ['Phương án A', 'Phương án B', 'C'] };
    const s = createVote(votingMeeting(), { options: custom, multiple: true, maxChoices: 2 });
    expect(s.votes.v1?.options.map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
    expect(s.votes.v1?.maxChoices).toBe(2);
    const refused = (payload: object) =>
      tryAct(votingMeeting(), voteCreate(payload), chair).ok === false;
    expect(refused({ multiple: true })).toBe(true);
    expect(refused({ options: custom, multiple: true, maxChoices: 4 })).toBe(true);
    expect(refused({ options: { kind: 'custom', labels: ['A', 'a'] } })).toBe(true);
    expect(refused({ itemId: 'nope' })).toBe(true);
    expect(refused({ deadline: '2026-12-03T00:59:00.000Z' })).toBe(true);
  });
});

describe('opening a vote', () => {
  it('is refused without quorum, with the numbers in the message', () => {
    let s = createVote(votingMeeting());
    for (const id of ['chair', 'del1', 'del2']) s = attend(s, id, 'absent');
    const d = tryAct(s, { type: 'vote.open', payload: { voteId: 'v1' } }, chair);
    expect(d).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'No quorum: 2 of 5 members attend, 3 are needed.',
      },
    });
    s = attend(s, 'del1', 'online');
    expect(openVote(s).votes.v1).toMatchObject({ status: 'open', openedAt: NOW });
  });

  it('only while the meeting is in progress', () => {
    let s = createVote(votingMeeting());
    s = act(s, { type: 'meeting.setStatus', payload: { status: 'paused' } }, chair);
    expect(tryAct(s, { type: 'vote.open', payload: { voteId: 'v1' } }, chair)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('an open vote keeps the meeting from closing', () => {
    const s = openVote(createVote(votingMeeting()));
    const d = tryAct(s, { type: 'meeting.setStatus', payload: { status: 'closed' } }, chair);
    expect(d).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('who may cast a ballot', () => {
  const open = () => openVote(createVote(votingMeeting()));
  const cast = (s = open(), by = 'del1', choices = ['agree'], onBehalfOf: string | null = null) =>
    tryAct(s, castCommand('v1', choices, onBehalfOf), member(by));

  it('a present delegate or the chair, for themselves', () => {
    expect(cast()).toEqual({ ok: true, events: [] }); // ballots are not events
    expect(cast(open(), 'chair')).toEqual({ ok: true, events: [] });
    expect(cast(attend(open(), 'd3', 'online'), 'd3')).toEqual({ ok: true, events: [] });
  });

  it('not an absent delegate, an observer, the secretary, or in a draft or closed vote', () => {
    expect(cast(attend(open(), 'del1', 'absent'))).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(tryAct(open(), castCommand('v1', ['agree']), observer)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(tryAct(open(), castCommand('v1', ['agree']), secretary)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(cast(createVote(votingMeeting()))).toMatchObject({ error: { code: 'CONFLICT' } });
    const closed = closeVote(open(), new TestBox());
    expect(cast(closed)).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('one option of a single-choice vote, known options only, each once', () => {
    expect(cast(open(), 'del1', ['agree', 'disagree'])).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(cast(open(), 'del1', ['yes'])).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    const custom = { kind: 'custom' as const, labels: ['A', 'B', 'C'] };
    const s = openVote(
      createVote(votingMeeting(), { options: custom, multiple: true, maxChoices: 2 }),
    );
    expect(cast(s, 'del1', ['o1', 'o3']).ok).toBe(true);
    expect(cast(s, 'del1', ['o1', 'o2', 'o3']).ok).toBe(false);
    expect(cast(s, 'del1', ['o1', 'o1']).ok).toBe(false);
  });

  it('a proxy holder casts for the principal; the principal no longer casts for themselves', () => {
    let s = votingMeeting();
    s = act(s, { type: 'proxy.grant', payload: { toUserId: 'del2' } }, delegate);
    s = attend(s, 'del1', 'absent');
    s = openVote(createVote(s));
    expect(cast(s, 'del2', ['agree'], 'del1')).toEqual({ ok: true, events: [] });
    expect(cast(s, 'd3', ['agree'], 'del1')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const own = cast(attend(s, 'del1', 'present'), 'del1');
    expect(own).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(own.ok || own.error.message).toContain('handed your vote');
    // the holder must be there
    expect(cast(attend(s, 'del2', 'absent'), 'del2', ['agree'], 'del1').ok).toBe(false);
  });
});

describe('the result at the close', () => {
  it('counts each principal once, with the last ballot of a changed vote', () => {
    let s = openVote(createVote(votingMeeting()));
    const box = new TestBox();
    box.cast(s, 'del1', ['disagree']);
    box.cast(s, 'del2', ['agree']);
    box.cast(s, 'd3', ['agree']);
    box.cast(s, 'del1', ['agree']); // changed before closing
    s = closeVote(s, box);
    expect(s.votes.v1?.status).toBe('closed');
    expect(s.votes.v1?.result).toMatchObject({
      counts: { agree: 3, disagree: 0, abstain: 0 },
      cast: 3,
      members: 5,
      eligible: 5,
      adopted: true,
      threshold: 2,
      basis: 3,
      roll: ['d3', 'del1', 'del2'],
    });
    expect(s.votes.v1?.result?.ballots).toHaveLength(3);
  });

  it('counts proxies: an absent principal is eligible through a present holder', () => {
    let s = votingMeeting();
    s = act(s, { type: 'proxy.grant', payload: { toUserId: 'del2' } }, delegate);
    s = attend(s, 'del1', 'absent');
    s = attend(s, 'd4', 'absent'); // absent, no proxy: not eligible
    s = openVote(createVote(s, { rule: 'absolute', kind: 'secret' }));
    const box = new TestBox();
    box.cast(s, 'del2', ['agree']);
    box.cast(s, 'del2', ['agree'], 'del1');
    box.cast(s, 'chair', ['agree']);
    s = closeVote(s, box);
    expect(s.votes.v1?.result).toMatchObject({
      counts: { agree: 3 },
      cast: 3,
      members: 5,
      eligible: 4, // chair, del1 (by proxy), del2, d3
      adopted: true, // 3 of 5 members is more than half
      threshold: 3,
    });
    expect(s.votes.v1?.result?.ballots).toBeUndefined();
  });

  it('absent members count among the members for the absolute and two-thirds rules', () => {
    let s = votingMeeting();
    s = attend(s, 'd3', 'absent');
    s = attend(s, 'd4', 'absent');
    s = openVote(createVote(s, { rule: 'twoThirds' }));
    const box = new TestBox();
    for (const id of ['chair', 'del1', 'del2']) box.cast(s, id, ['agree']);
    const r = closeVote(s, box).votes.v1?.result;
    expect(r).toMatchObject({ cast: 3, members: 5, eligible: 3, threshold: 4, adopted: false });
  });

  it('zero votes: rejected, with eligible and members stated', () => {
    const s = closeVote(openVote(createVote(votingMeeting())), new TestBox());
    expect(s.votes.v1?.result).toMatchObject({
      cast: 0,
      eligible: 5,
      members: 5,
      adopted: false,
      leading: [],
    });
  });

  it('the roll is frozen at the close: someone who voted and left still counts', () => {
    let s = openVote(createVote(votingMeeting()));
    const box = new TestBox();
    box.cast(s, 'del1', ['agree']);
    s = attend(s, 'del1', 'absent');
    expect(canVoteNow(s, 'del1')).toBe(false);
    expect(eligibleCount(s, new Set(['del1']))).toBe(5);
    s = closeVote(s, box);
    expect(s.votes.v1?.result).toMatchObject({ cast: 1, eligible: 5, roll: ['del1'] });
    // later attendance changes do not touch a closed vote's result
    const after = attend(s, 'del2', 'absent');
    expect(after.votes.v1?.result).toEqual(s.votes.v1?.result);
  });
});

describe('live counts', () => {
  it('chair: runners only; all: everyone, the projector too; afterClose: nobody until closed', () => {
    const s = createVote(votingMeeting(), { visibility: 'chair' });
    const v = s.votes.v1!;
    expect(canSeeLiveCounts(v, 'chair')).toBe(true);
    expect(canSeeLiveCounts(v, 'secretary')).toBe(true);
    expect(canSeeLiveCounts(v, 'delegate')).toBe(false);
    expect(canSeeLiveCounts(v, null)).toBe(false);
    expect(canSeeLiveCounts({ ...v, visibility: 'all' }, null)).toBe(true);
    expect(canSeeLiveCounts({ ...v, visibility: 'afterClose' }, 'chair')).toBe(false);
    expect(canSeeLiveCounts({ ...v, visibility: 'afterClose', status: 'closed' }, null)).toBe(true);
  });
});

function voteCreate(overrides: object = {}) {
  return {
    type: 'vote.create' as const,
    payload: {
      itemId: 'A',
      title: 'Biểu quyết',
      kind: 'named' as const,
      options: { kind: 'standard' as const },
      multiple: false,
      rule: 'simple' as const,
      visibility: 'all' as const,
      allowChange: true,
      deadline: null,
      ...overrides,
    },
  };
}
