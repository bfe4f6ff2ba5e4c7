// Moving a document's annotations to its new version (docs/protocol.md §13, "Document
// versions"). The server computes the placements from the two versions' layouts
// (core/anchoring.ts), then runs the server-made command `annotation.reanchor`, decided here
// against the state as it is then. An annotation that cannot be placed gets no event: it keeps
// the old version's sha256, and so appears in its owner's "could not place" list.
import { reanchor, type DocumentLayout } from './anchoring.ts';
import { fail, ok, type Decision } from './decision.ts';
import type { EventBody } from './events.ts';
import type { Annotation, AnnotationShape, MeetingState } from './model.ts';
import type { CommandOf } from './schemas.ts';

export interface ReanchorPlacement {
  annotationId: string;
  /** The annotation's version the placement was computed from: a later edit voids it. */
  version: number;
  page: number;
  shape: AnnotationShape;
}

/** The annotations (every author's) of a document that are on a given version of it. */
export function annotationsOnVersion(
  state: MeetingState,
  documentId: string,
  sha256: string,
): Annotation[] {
  return Object.values(state.annotations).filter(
    (a) => a.documentId === documentId && a.sha256 === sha256,
  );
}

/** Where each of the document's annotations on `fromSha` goes; the unplaceable ones are left out. */
export function reanchorPlacements(
  state: MeetingState,
  documentId: string,
  fromSha: string,
  oldLayout: DocumentLayout,
  newLayout: DocumentLayout,
): ReanchorPlacement[] {
  const out: ReanchorPlacement[] = [];
  for (const a of annotationsOnVersion(state, documentId, fromSha)) {
    const placed = reanchor(a, oldLayout, newLayout);
    if (placed) out.push({ annotationId: a.id, version: a.version, ...placed });
  }
  return out;
}

/** The events for placements still valid in this state (an annotation deleted or edited since is skipped). */
export function reanchorEvents(
  state: MeetingState,
  documentId: string,
  fromSha: string,
  toSha: string,
  placements: readonly ReanchorPlacement[],
): EventBody[] {
  const events: EventBody[] = [];
  for (const p of placements) {
    const a = state.annotations[p.annotationId];
    if (!a || a.documentId !== documentId || a.sha256 !== fromSha || a.version !== p.version)
      continue;
    if (p.shape.kind !== a.shape.kind) continue;
    events.push({
      type: 'annotation.reanchored',
      payload: {
        annotationId: a.id,
        author: a.author,
        shared: a.shared,
        sha256: toSha,
        page: p.page,
        shape: p.shape,
        version: a.version + 1,
      },
    });
  }
  return events;
}

/** Every annotation of the document on `fromSha`, moved to `toSha` where its text is found. */
export function reanchorDocument(
  state: MeetingState,
  documentId: string,
  fromSha: string,
  toSha: string,
  oldLayout: DocumentLayout,
  newLayout: DocumentLayout,
): EventBody[] {
  const placements = reanchorPlacements(state, documentId, fromSha, oldLayout, newLayout);
  return reanchorEvents(state, documentId, fromSha, toSha, placements);
}

export function decideReanchor(
  s: MeetingState,
  command: CommandOf<'annotation.reanchor'>,
): Decision {
  const { documentId, fromSha, toSha, placements } = command.payload;
  if (!s.documents[documentId])
    return fail('NOT_FOUND', 'This document does not exist (any more).');
  // the new version is a document of this meeting (after a replacement: this one)
  const target = Object.values(s.documents).find((d) => d.sha256 === toSha);
  if (!target) return fail('NOT_FOUND', 'The new version is not a document of this meeting.');
  if (placements.some((p) => p.page > target.pages))
    return fail('INVALID_PAYLOAD', `The new version has ${target.pages} pages.`);
  return ok(...reanchorEvents(s, documentId, fromSha, toSha, placements));
}

/**
 * The user's annotations on this document that could not be placed on its current version:
 * those still on an earlier version (re-anchoring moves every one it can place).
 */
export function unplacedAnnotations(
  state: Pick<MeetingState, 'annotations' | 'documents'>,
  documentId: string,
  userId: string,
): Annotation[] {
  const doc = state.documents[documentId];
  if (!doc) return [];
  return Object.values(state.annotations)
    .filter((a) => a.documentId === documentId && a.author === userId && a.sha256 !== doc.sha256)
    .sort((a, b) => a.page - b.page || a.createdAt.localeCompare(b.createdAt));
}
