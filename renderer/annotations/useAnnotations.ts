// One document's annotations for the signed-in user: what they see (synced + their commands on
// the way), and the ways to change them, each remembered for undo/redo.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, ClientCommand, CommandAck, MeetingState } from '../../core/index.ts';
import type { OutboxRecord } from '../offline/meetingStore.ts';
import { useRefusalNotice } from '../hooks/useRefusalNotice.ts';
import { emptyHistory, record, redo, stepOf, undo, type History } from './history.ts';
import {
  displayedAnnotations,
  stillPending,
  type AnnotationCommand,
  type PendingCommand,
} from './optimistic.ts';

export interface AnnotationsModel {
  userId: string;
  annotations: Annotation[];
  byId: ReadonlyMap<string, Annotation>;
  /** Sends a command, shows it at once, and remembers it for undo. */
  run: (command: AnnotationCommand) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  authorName: (userId: string) => string;
}

interface Options {
  meeting: MeetingState | null;
  rev: number | null;
  send: (command: ClientCommand) => Promise<CommandAck>;
  /**
   * The sync engine's outbox: every command not yet acknowledged, kept on the device. When given,
   * unanswered commands are shown from it (so they survive a reload offline) and the local list
   * keeps only those answered but not yet synced.
   */
  outbox?: readonly OutboxRecord[];
  userId: string;
  documentId: string;
  sha256: string;
  /** The meeting at this moment (a refusal is named against it: see refusalText.ts). */
  current?: () => MeetingState | null;
}

const ANNOTATION_TYPES = new Set([
  'annotation.create',
  'annotation.update',
  'annotation.delete',
  'annotation.share',
]);

/** The outbox's annotation commands as pending ones, in the order they were sent. */
function waitingFrom(outbox: readonly OutboxRecord[], at: string): PendingCommand[] {
  return outbox
    .filter((r) => ANNOTATION_TYPES.has(r.command.type))
    .map((r, i) => ({ seq: -1 - i, command: r.command as AnnotationCommand, ackRev: null, at }));
}

export function useAnnotations(o: Options): AnnotationsModel {
  const { meeting, rev, send, userId, documentId, sha256, outbox, current } = o;
  const refused = useRefusalNotice();
  const [pending, setPending] = useState<PendingCommand[]>([]);
  const [history, setHistory] = useState<History>(emptyHistory);
  const seq = useRef(0);

  const synced = meeting?.annotations;
  const shown = useMemo(() => {
    const local = stillPending(pending, rev);
    if (!outbox) return local;
    const answered = local.filter((p) => p.ackRev !== null);
    return [...answered, ...waitingFrom(outbox, new Date().toISOString())];
  }, [pending, rev, outbox]);
  const annotations = useMemo(
    () => (synced ? displayedAnnotations(synced, shown, userId, documentId, sha256) : []),
    [synced, shown, userId, documentId, sha256],
  );
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const latest = useRef({ byId, history, rev, meeting });
  useEffect(() => {
    latest.current = { byId, history, rev, meeting };
  });

  const dispatch = useCallback(
    (command: AnnotationCommand) => {
      const n = ++seq.current;
      const at = new Date().toISOString();
      // commands whose effect the synced state holds by now are shown from it: forgotten here
      setPending((p) => [
        ...stillPending(p, latest.current.rev),
        { seq: n, command, ackRev: null, at },
      ]);
      // the meeting as it was when the change was made names what may be gone by the answer
      const known = latest.current.meeting;
      void send(command).then((ack) => {
        if (!ack.ok)
          refused(command, ack.error, { now: current?.() ?? latest.current.meeting, known });
        setPending((p) =>
          ack.ok
            ? p.map((x) => (x.seq === n ? { ...x, ackRev: ack.rev } : x))
            : p.filter((x) => x.seq !== n),
        );
      });
    },
    [send, refused, current],
  );

  const run = useCallback(
    (command: AnnotationCommand) => {
      const before = latest.current.byId.get(command.payload.annotationId);
      setHistory((h) => record(h, stepOf(command, before)));
      dispatch(command);
    },
    [dispatch],
  );
  const doUndo = useCallback(() => {
    const r = undo(latest.current.history);
    if (!r) return;
    setHistory(r.history);
    dispatch(r.command);
  }, [dispatch]);
  const doRedo = useCallback(() => {
    const r = redo(latest.current.history);
    if (!r) return;
    setHistory(r.history);
    dispatch(r.command);
  }, [dispatch]);

  const participants = meeting?.participants;
  const authorName = useCallback(
    (id: string) => participants?.[id]?.displayName ?? id,
    [participants],
  );
  return {
    userId,
    annotations,
    byId,
    run,
    undo: doUndo,
    redo: doRedo,
    canUndo: history.done.length > 0,
    canRedo: history.undone.length > 0,
    authorName,
  };
}
