// React view of one meeting's sync engine: state, revision, connection status, and `send`.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ClientCommand, CommandAck } from '../../core/index.ts';
import { useSession } from '../app/session.ts';
import { MeetingSync, type SyncView } from '../sync/meetingSync.ts';
import type { Transport } from '../sync/transport.ts';

export interface UseMeeting extends SyncView {
  send: (command: ClientCommand) => Promise<CommandAck>;
  retry: () => void;
}

export function useMeeting(meetingId: string): UseMeeting {
  const { transport } = useSession();
  return useMeetingOn(transport, meetingId);
}

/** The same over a given transport (the projector has its own, without a session). */
export function useMeetingOn(transport: Transport, meetingId: string): UseMeeting {
  const sync = useMemo(() => new MeetingSync(transport, meetingId), [transport, meetingId]);
  useEffect(() => sync.start(), [sync]);
  const view = useSyncExternalStore(sync.subscribe, sync.getSnapshot);
  return { ...view, send: sync.send, retry: sync.retry };
}
