// What a user sees of a document's annotations: the synced state, plus their own commands the
// server has not acknowledged yet (so a stroke shows the moment it is drawn), minus what is not
// theirs to see. Pure, so it is unit-tested.
import {
  annotationVisibleTo,
  type Annotation,
  type AnnotationShape,
  type CommandOf,
} from '../../core/index.ts';

export type AnnotationCommand = CommandOf<
  'annotation.create' | 'annotation.update' | 'annotation.delete' | 'annotation.share'
>;

/** A command sent and not yet seen applied. */
export interface PendingCommand {
  /** Local sequence number, to drop it once done. */
  seq: number;
  command: AnnotationCommand;
  /** The revision the server acknowledged it at; null while unanswered. */
  ackRev: number | null;
  /** When it was made (ISO): the draft's creation time. */
  at: string;
}

/** The annotation a create command makes, before the server stamps it. */
export function draftOf(
  c: CommandOf<'annotation.create'>['payload'],
  author: string,
  sha256: string,
  now: string,
): Annotation {
  return {
    id: c.annotationId,
    documentId: c.documentId,
    sha256,
    page: c.page,
    author,
    shared: c.shared,
    color: c.color,
    text: c.text,
    shape: c.shape as AnnotationShape,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
}

/** Applies one of one's own commands to a set of annotations, as the server would (roughly). */
export function applyPending(
  all: Record<string, Annotation>,
  command: AnnotationCommand,
  author: string,
  sha256: string,
  now: string,
): Record<string, Annotation> {
  const p = command.payload;
  const a = all[p.annotationId];
  switch (command.type) {
    case 'annotation.create':
      if (a) return all;
      return { ...all, [p.annotationId]: draftOf(command.payload, author, sha256, now) };
    case 'annotation.update': {
      if (!a || a.author !== author) return all;
      const { annotationId: _, ...fields } = command.payload;
      const changes = Object.fromEntries(
        Object.entries(fields).filter(([, v]) => v !== undefined),
      ) as Partial<Annotation>;
      return { ...all, [a.id]: { ...a, ...changes } };
    }
    case 'annotation.delete': {
      if (!a || a.author !== author) return all;
      const next = { ...all };
      delete next[a.id];
      return next;
    }
    case 'annotation.share':
      if (!a || a.author !== author) return all;
      return { ...all, [a.id]: { ...a, shared: command.payload.shared } };
  }
}

/** Pending commands still to show: unanswered, or answered at a revision not yet synced. */
export function stillPending(pending: readonly PendingCommand[], rev: number | null) {
  return pending.filter((p) => p.ackRev === null || rev === null || p.ackRev > rev);
}

/** The annotations of one document a user sees, oldest first. */
export function displayedAnnotations(
  synced: Record<string, Annotation>,
  pending: readonly PendingCommand[],
  userId: string,
  documentId: string,
  sha256: string,
): Annotation[] {
  let all = synced;
  for (const p of pending) all = applyPending(all, p.command, userId, sha256, p.at);
  return (
    Object.values(all)
      // one made on an older version that could not be placed on this one is not drawn here: it
      // is listed for its owner instead (UnplacedList)
      .filter(
        (a) => a.documentId === documentId && a.sha256 === sha256 && annotationVisibleTo(a, userId),
      )
      .toSorted((a, b) => a.page - b.page || a.createdAt.localeCompare(b.createdAt))
  );
}
