// Follow the presenter, as plain state: where the presenter is, whether this device follows, and
// when a page shown means the user moved away on their own (which un-follows). No React here.
import type { MeetingState, PresenterMoved } from '../../core/index.ts';

export interface Position {
  documentId: string;
  page: number;
}

export interface FollowState {
  following: boolean;
  /** This device followed during the current presentation (so it can go "back" to it). */
  followed: boolean;
  /** Where following last took this device, and when (ms). */
  target: Position | null;
  jumpedAt: number;
}

export const NOT_FOLLOWING: FollowState = {
  following: false,
  followed: false,
  target: null,
  jumpedAt: 0,
};

/** A page shown this soon after a jump is the jump itself landing, not the user moving. */
export const SETTLE_MS = 1500;

/** The presenter's position: the latest move of the current presenter, else where they started. */
export function presenterPosition(
  meeting: MeetingState,
  latest: PresenterMoved | null,
): Position | null {
  const p = meeting.presentation;
  if (!p) return null;
  if (latest && latest.presenterId === p.presenterId && latest.meetingId === meeting.id) {
    if (meeting.documents[latest.documentId])
      return { documentId: latest.documentId, page: latest.page };
  }
  return meeting.documents[p.documentId] ? { documentId: p.documentId, page: p.page } : null;
}

/** Did the user move away from where following took them? Then they no longer follow. */
export function movedAway(state: FollowState, shown: Position, now: number): boolean {
  if (!state.following || !state.target) return false;
  if (now - state.jumpedAt < SETTLE_MS) return false;
  return shown.documentId !== state.target.documentId || shown.page !== state.target.page;
}

/** Keys that scroll or turn pages: pressing one while following is a manual move. */
export const NAVIGATION_KEYS = new Set([
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  ' ',
]);
