import { describe, expect, it } from 'vitest';
import { emptyMeeting, type DocumentInfo, type MeetingState } from '../../core/index.ts';
import { movedAway, NOT_FOLLOWING, presenterPosition, SETTLE_MS } from './follow.ts';

const doc = (id: string, pages: number): DocumentInfo => ({
  id,
  itemId: 'a',
  name: `${id}.pdf`,
  sha256: id.padEnd(64, '0'),
  size: 1,
  pages,
  uploadedBy: 'sec',
  uploadedAt: '2026-11-26T01:00:00Z',
  audience: { kind: 'all' },
  label: '',
  versions: [],
});

function meeting(presenting: boolean): MeetingState {
  return {
    ...emptyMeeting(),
    id: 'm1',
    documents: { d1: doc('d1', 10), d2: doc('d2', 5) },
    presentation: presenting
      ? { presenterId: 'chair', documentId: 'd1', page: 3, startedAt: '2026-11-26T01:00:00Z' }
      : null,
  };
}

describe('follow the presenter', () => {
  it('follows the latest move of the current presenter, else where they started', () => {
    expect(presenterPosition(meeting(false), null)).toBeNull();
    expect(presenterPosition(meeting(true), null)).toEqual({ documentId: 'd1', page: 3 });
    const move = { meetingId: 'm1', presenterId: 'chair', documentId: 'd2', page: 4 };
    expect(presenterPosition(meeting(true), move)).toEqual({ documentId: 'd2', page: 4 });
    // a move from someone who no longer presents, or of another meeting, is not followed
    expect(presenterPosition(meeting(true), { ...move, presenterId: 'del1' })).toEqual({
      documentId: 'd1',
      page: 3,
    });
    expect(presenterPosition(meeting(true), { ...move, meetingId: 'm2' })?.documentId).toBe('d1');
    // nor one to a document that is gone
    expect(presenterPosition(meeting(true), { ...move, documentId: 'gone' })?.documentId).toBe(
      'd1',
    );
  });

  it('a page shown away from where following went un-follows, but not the jump landing', () => {
    const state = {
      ...NOT_FOLLOWING,
      following: true,
      followed: true,
      target: { documentId: 'd1', page: 3 },
      jumpedAt: 1000,
    };
    expect(movedAway(state, { documentId: 'd1', page: 2 }, 1000 + SETTLE_MS - 1)).toBe(false);
    expect(movedAway(state, { documentId: 'd1', page: 3 }, 1000 + SETTLE_MS + 1)).toBe(false);
    expect(movedAway(state, { documentId: 'd1', page: 4 }, 1000 + SETTLE_MS + 1)).toBe(true);
    expect(movedAway(state, { documentId: 'd2', page: 3 }, 1000 + SETTLE_MS + 1)).toBe(true);
    expect(movedAway(NOT_FOLLOWING, { documentId: 'd2', page: 9 }, 99_999)).toBe(false);
  });
});
