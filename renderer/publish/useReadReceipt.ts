// The viewer's read receipt: the first time a participant opens a document, `document.opened`
// goes through the outbox (so an offline read counts once the device reconnects). Participants
// are told once, on this device, that opening is recorded.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  canOrganise,
  roleIn,
  type ClientCommand,
  type CommandAck,
  type MeetingState,
} from '../../core/index.ts';
import type { User } from '../api/http.ts';

const TOLD_KEY = 'ecab.receiptNoticeSeen';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Returns whether to show the notice, and how to dismiss it. */
export function useReadReceipt(
  meeting: MeetingState | null,
  documentId: string,
  user: User,
  send: (command: ClientCommand) => Promise<CommandAck>,
): { showNotice: boolean; dismiss: () => void } {
  const role = meeting ? roleIn(meeting, { userId: user.id, globalRole: user.globalRole }) : null;
  // organisers run the meeting; their own reads are not what the record is for
  const reader = role !== null && !canOrganise(role);
  const present = !!meeting?.documents[documentId];
  const recorded = meeting?.readReceipts[documentId]?.[user.id] !== undefined;
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!reader || !present || recorded || sent.current === documentId) return;
    sent.current = documentId;
    void send({ type: 'document.opened', payload: { documentId } });
  }, [reader, present, recorded, documentId, send]);

  const key = `${TOLD_KEY}.${user.id}`;
  const [told, setTold] = useState(() => storage()?.getItem(key) === '1');
  const dismiss = useCallback(() => {
    storage()?.setItem(key, '1');
    setTold(true);
  }, [key]);
  return { showNotice: reader && present && !told, dismiss };
}
