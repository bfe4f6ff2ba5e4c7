// Follow the presenter in React: the presenter's device sends its page as it moves (volatile, at
// most every 100 ms); a following device jumps to the same document and page; any manual scroll
// or page change un-follows, and "back to the presenter" follows again. State per meeting lives
// outside the screens, so it carries over when following opens another document.
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { canRunMeeting, roleIn, type MeetingState, type PresenterMoved } from '../../core/index.ts';
import { documentHref } from '../app/route.ts';
import { useSession } from '../app/session.ts';
import {
  movedAway,
  NAVIGATION_KEYS,
  NOT_FOLLOWING,
  presenterPosition,
  type FollowState,
  type Position,
} from './follow.ts';

const MOVE_EVERY_MS = 100;

const follows = new Map<string, FollowState>();
const latestMoves = new Map<string, PresenterMoved>();
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of [...listeners]) l();
};
const setFollow = (meetingId: string, next: FollowState) => {
  follows.set(meetingId, next);
  notify();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export interface Presenting {
  /** Someone presents and the document is in this meeting. */
  position: Position | null;
  presenterName: string;
  isPresenter: boolean;
  /** May start or stop a presentation (chair, secretary, admin). */
  canPresent: boolean;
  following: boolean;
  followed: boolean;
  follow: () => void;
  unfollow: () => void;
  /** The document screen reports each page it shows (to send it, or to notice a manual move). */
  pageShown: (documentId: string, page: number) => void;
}

export function usePresenter(meetingId: string, meeting: MeetingState | null): Presenting {
  const { transport, user } = useSession();
  const latest = useSyncExternalStore(subscribe, () => latestMoves.get(meetingId) ?? null);
  const state = useSyncExternalStore(subscribe, () => follows.get(meetingId) ?? NOT_FOLLOWING);

  useEffect(
    () =>
      transport.subscribe({
        presenterMoved: (msg) => {
          if (msg.meetingId !== meetingId) return;
          latestMoves.set(meetingId, msg);
          notify();
        },
      }),
    [transport, meetingId],
  );

  const presentation = meeting?.presentation ?? null;
  const position = useMemo(
    () => (meeting ? presenterPosition(meeting, latest) : null),
    [meeting, latest],
  );
  const isPresenter = presentation?.presenterId === user.id;
  const role = meeting ? roleIn(meeting, { userId: user.id, globalRole: user.globalRole }) : null;

  // a presentation that ends (or another that starts) ends following
  const startedAt = presentation?.startedAt ?? null;
  const known = meeting !== null;
  useEffect(() => {
    if (known && !startedAt) setFollow(meetingId, NOT_FOLLOWING);
  }, [known, startedAt, meetingId]);

  // following: go where the presenter is
  const target = state.following && !isPresenter ? position : null;
  useEffect(() => {
    if (!target) return;
    const href = documentHref(meetingId, target.documentId, target.page);
    const current = follows.get(meetingId) ?? NOT_FOLLOWING;
    setFollow(meetingId, { ...current, target, jumpedAt: Date.now() });
    if (window.location.hash !== href) window.location.hash = href;
  }, [meetingId, target?.documentId, target?.page]); // eslint-disable-line react-hooks/exhaustive-deps

  // a manual scroll or page turn while following un-follows
  const following = state.following;
  useEffect(() => {
    if (!following) return;
    const away = (): void => {
      const current = follows.get(meetingId) ?? NOT_FOLLOWING;
      if (current.following) setFollow(meetingId, { ...current, following: false });
    };
    const key = (e: KeyboardEvent): void => {
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, textarea, [contenteditable="true"]')) return;
      if (NAVIGATION_KEYS.has(e.key)) away();
    };
    window.addEventListener('wheel', away, { passive: true });
    window.addEventListener('touchmove', away, { passive: true });
    window.addEventListener('keydown', key);
    return () => {
      window.removeEventListener('wheel', away);
      window.removeEventListener('touchmove', away);
      window.removeEventListener('keydown', key);
    };
  }, [following, meetingId]);

  // the presenter's device: send each page shown, at most every MOVE_EVERY_MS
  const pendingMove = useRef<{ documentId: string; page: number } | null>(null);
  const moveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (moveTimer.current) clearTimeout(moveTimer.current);
    },
    [],
  );

  const pageShown = useCallback(
    (documentId: string, page: number) => {
      if (isPresenter) {
        pendingMove.current = { documentId, page };
        moveTimer.current ??= setTimeout(() => {
          moveTimer.current = null;
          const move = pendingMove.current;
          if (move) transport.presenterMove({ meetingId, ...move });
        }, MOVE_EVERY_MS);
        return;
      }
      const current = follows.get(meetingId) ?? NOT_FOLLOWING;
      if (movedAway(current, { documentId, page }, Date.now()))
        setFollow(meetingId, { ...current, following: false });
    },
    [isPresenter, transport, meetingId],
  );

  const presenter = presentation ? meeting?.participants[presentation.presenterId] : undefined;
  return {
    position,
    presenterName: presenter?.displayName ?? presentation?.presenterId ?? '',
    isPresenter,
    canPresent: canRunMeeting(role),
    following: state.following,
    followed: state.followed,
    follow: () =>
      setFollow(meetingId, { following: true, followed: true, target: null, jumpedAt: 0 }),
    unfollow: () =>
      setFollow(meetingId, { ...(follows.get(meetingId) ?? NOT_FOLLOWING), following: false }),
    pageShown,
  };
}
