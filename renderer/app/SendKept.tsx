// Changes kept on this device from a session that ended without a wipe (it expired, or was
// revoked) are sent as soon as the same account is signed in again, whatever screen is open:
// each meeting with some waiting is held (its sync engine joins and sends them, each with its
// own id, so each is applied once) until none wait. Another account never sees them: the outbox
// is kept per account (renderer/offline/meetingStore.ts).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRefusalNotice } from '../hooks/useRefusalNotice.ts';
import { useMeeting } from '../hooks/useMeeting.ts';
import { meetingsWithUnsent } from '../offline/meetingStore.ts';
import { useSession } from './session.ts';

/** `open`: the meeting a screen shows already (it sends its own waiting changes). */
export function SendKept({ open }: { open: string | null }) {
  const { user } = useSession();
  const [waiting, setWaiting] = useState(() => meetingsWithUnsent(user.id));
  const done = useCallback(
    (meetingId: string) => setWaiting((list) => list.filter((m) => m !== meetingId)),
    [],
  );
  return (
    <>
      {waiting
        .filter((m) => m !== open)
        .map((meetingId) => (
          <SendWaiting key={meetingId} meetingId={meetingId} onDone={done} />
        ))}
    </>
  );
}

function SendWaiting({ meetingId, onDone }: { meetingId: string; onDone: (id: string) => void }) {
  const { status, pending, error, rejected, current } = useMeeting(meetingId);
  const refused = useRefusalNotice();
  const told = useRef(0);
  useEffect(() => {
    for (const r of rejected.slice(told.current))
      refused(r.command, r.error, { now: current(), known: r.known ?? null });
    told.current = rejected.length;
  }, [rejected, refused, current]);
  // all sent, or the meeting cannot be joined any more: nothing more to do here
  useEffect(() => {
    if ((status === 'live' && pending === 0) || error) onDone(meetingId);
  }, [status, pending, error, meetingId, onDone]);
  return null;
}
