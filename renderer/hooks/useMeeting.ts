// React view of one meeting's sync engine: state, revision, connection status, and `send`.
// The meeting screen and the document screen share one engine per meeting (and so one outbox),
// kept for a while after the last screen closes so that going back and forth does not rejoin.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import {
  announcementsFor,
  roleIn,
  viewFor,
  type Announcement,
  type ClientCommand,
  type CommandAck,
  type MeetingState,
} from '../../core/index.ts';
import type { User } from '../api/http.ts';
import { useSession } from '../app/session.ts';
import { browserPersistence } from '../offline/meetingStore.ts';
import { MeetingSync, type SyncView } from '../sync/meetingSync.ts';
import { withPreviews, type Previews } from '../sync/previews.ts';
import type { Transport } from '../sync/transport.ts';

export interface UseMeeting extends SyncView {
  send: (command: ClientCommand) => Promise<CommandAck>;
  retry: () => void;
  /** The meeting now, unfiltered, read at call time (a command's answer may outrun a render). */
  current: () => MeetingState | null;
  /** Changes to the published pack that concern this person, oldest first (this session). */
  announcements: Announcement[];
}

/** How long an engine nobody shows stays joined (ms). */
const LINGER_MS = 30_000;
const KEEP_ANNOUNCEMENTS = 50;
const NONE: Announcement[] = [];

interface Shared {
  sync: MeetingSync;
  users: number;
  stop: (() => void) | null;
  linger: ReturnType<typeof setTimeout> | null;
}

const engines = new WeakMap<Transport, Map<string, Shared>>();

/** The meeting's engine on this transport, made on first use (not started: see `hold`). */
function engineFor(transport: Transport, meetingId: string, userId: string): Shared {
  let byMeeting = engines.get(transport);
  if (!byMeeting) engines.set(transport, (byMeeting = new Map()));
  let shared = byMeeting.get(meetingId);
  if (!shared) {
    const sync = new MeetingSync(transport, meetingId, {
      persist: browserPersistence(userId, meetingId),
    });
    shared = { sync, users: 0, stop: null, linger: null };
    byMeeting.set(meetingId, shared);
  }
  return shared;
}

function hold(transport: Transport, meetingId: string, shared: Shared): void {
  engines.get(transport)?.set(meetingId, shared); // back in the map if it lingered out
  if (shared.linger) clearTimeout(shared.linger);
  shared.linger = null;
  shared.users++;
  shared.stop ??= shared.sync.start();
}

function release(transport: Transport, meetingId: string, shared: Shared): void {
  shared.users--;
  if (shared.users > 0) return;
  shared.linger = setTimeout(() => {
    shared.stop?.();
    shared.stop = null;
    engines.get(transport)?.delete(meetingId);
  }, LINGER_MS);
}

export function useMeeting(meetingId: string): UseMeeting {
  const { transport, user } = useSession();
  const shared = useMemo(
    () => engineFor(transport, meetingId, user.id),
    [transport, meetingId, user.id],
  );
  useEffect(() => {
    hold(transport, meetingId, shared);
    return () => release(transport, meetingId, shared);
  }, [transport, meetingId, shared]);
  return useSyncView(shared.sync, user);
}

/** The same over a given transport, unshared and kept nowhere (the projector has no session). */
export function useMeetingOn(transport: Transport, meetingId: string): UseMeeting {
  const sync = useMemo(() => new MeetingSync(transport, meetingId), [transport, meetingId]);
  useEffect(() => sync.start(), [sync]);
  return useSyncView(sync, null);
}

/**
 * The meeting as this person may see it: a document shared with others only drops out, and so
 * does an annotation its author made private again.
 */
function seenBy(meeting: MeetingState | null, user: User | null): MeetingState | null {
  if (!meeting || !user) return meeting;
  return viewFor(
    meeting,
    user.id,
    roleIn(meeting, { userId: user.id, globalRole: user.globalRole }),
  );
}

/** The meeting with the annotation changes decided on the server but not yet durable shown. */
function previewed(meeting: MeetingState | null, previews: Previews): MeetingState | null {
  if (!meeting || previews.length === 0) return meeting;
  return { ...meeting, annotations: withPreviews(meeting.annotations, previews) };
}

function useSyncView(sync: MeetingSync, user: User | null): UseMeeting {
  const view = useSyncExternalStore(sync.subscribe, sync.getSnapshot);
  const [heard, setHeard] = useState<{ sync: MeetingSync; list: Announcement[] }>({
    sync,
    list: [],
  });
  const userId = user?.id ?? null;
  useEffect(() => {
    if (userId === null) return;
    return sync.onBatch((before, events) => {
      const found = announcementsFor(before, events, userId);
      if (found.length === 0) return;
      setHeard((h) => ({
        sync,
        list: [...(h.sync === sync ? h.list : []), ...found].slice(-KEEP_ANNOUNCEMENTS),
      }));
    });
  }, [sync, userId]);
  const announcements = heard.sync === sync ? heard.list : NONE;
  const meeting = useMemo(
    () => seenBy(previewed(view.meeting, view.previews), user),
    [view.meeting, view.previews, user],
  );
  return {
    ...view,
    meeting,
    send: sync.send,
    retry: sync.retry,
    current: sync.current,
    announcements,
  };
}
