// React view of one meeting's sync engine: state, revision, connection status, and `send`.
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
import { MeetingSync, type SyncView } from '../sync/meetingSync.ts';
import type { Transport } from '../sync/transport.ts';

export interface UseMeeting extends SyncView {
  send: (command: ClientCommand) => Promise<CommandAck>;
  retry: () => void;
  /** Changes to the published pack that concern this person, oldest first (this session). */
  announcements: Announcement[];
}

const KEEP_ANNOUNCEMENTS = 50;
const NONE: Announcement[] = [];

export function useMeeting(meetingId: string): UseMeeting {
  const { transport, user } = useSession();
  return useMeetingOn(transport, meetingId, user);
}

/** The meeting as this person may see it (a document shared with others drops out). */
function seenBy(meeting: MeetingState | null, user: User | null): MeetingState | null {
  if (!meeting || !user) return meeting;
  return viewFor(
    meeting,
    user.id,
    roleIn(meeting, { userId: user.id, globalRole: user.globalRole }),
  );
}

/** The same over a given transport (the projector has its own, without a session). */
export function useMeetingOn(
  transport: Transport,
  meetingId: string,
  user: User | null = null,
): UseMeeting {
  const sync = useMemo(() => new MeetingSync(transport, meetingId), [transport, meetingId]);
  useEffect(() => sync.start(), [sync]);
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
  const meeting = useMemo(() => seenBy(view.meeting, user), [view.meeting, user]);
  return { ...view, meeting, send: sync.send, retry: sync.retry, announcements };
}
