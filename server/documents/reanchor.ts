// When a document is replaced (its sha256 goes from A to B), its annotations move to B: the two
// versions' layouts are read (cached beside the blobs), the placements computed
// (core/reanchor.ts), and the server-made command `annotation.reanchor` run through the meeting
// service, so the events are journaled, acked on disk and sent to each annotation's audience
// (a private one to its author only). Those that cannot be placed stay on A, listed for their owner.
import {
  annotationsOnVersion,
  reanchorPlacements,
  type Actor,
  type AppError,
} from '../../core/index.ts';
import type { MeetingService } from '../meetings/service.ts';
import type { DocumentLayouts } from './document-layouts.ts';

export interface ReanchorDeps {
  meetings: MeetingService;
  layouts: DocumentLayouts;
}

export interface ReanchorRequest {
  meetingId: string;
  documentId: string;
  fromSha: string;
  toSha: string;
  /** Who replaced the document: the command runs on their behalf (an organiser). */
  actor: Actor;
}

export type ReanchorOutcome =
  | { ok: true; moved: number; unplaced: number; rev: number | null }
  | { ok: false; error: AppError | { code: 'UNREADABLE'; message: string } };

/** An annotation edited while the placements were computed is tried again, this many times. */
const ROUNDS = 3;

export async function reanchorOnReplace(
  deps: ReanchorDeps,
  req: ReanchorRequest,
): Promise<ReanchorOutcome> {
  const { meetingId, documentId, fromSha, toSha, actor } = req;
  if (fromSha === toSha) return { ok: true, moved: 0, unplaced: 0, rev: null };
  const [oldLayout, newLayout] = [await deps.layouts.get(fromSha), await deps.layouts.get(toSha)];
  if (!oldLayout || !newLayout)
    return {
      ok: false,
      error: { code: 'UNREADABLE', message: 'The text of a version could not be read.' },
    };
  let moved = 0;
  let rev: number | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const log = deps.meetings.get(meetingId);
    if (!log) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such meeting.' } };
    const placements = reanchorPlacements(log.state, documentId, fromSha, oldLayout, newLayout);
    if (placements.length === 0) break;
    const before = annotationsOnVersion(log.state, documentId, fromSha).length;
    const ack = await deps.meetings.execute(
      meetingId,
      `reanchor-${toSha.slice(0, 24)}-${round}-${Date.now().toString(36)}`,
      { type: 'annotation.reanchor', payload: { documentId, fromSha, toSha, placements } },
      actor,
    );
    if (!ack.ok) return { ok: false, error: ack.error };
    rev = ack.rev;
    const after = annotationsOnVersion(deps.meetings.get(meetingId)!.state, documentId, fromSha);
    moved += before - after.length;
    // all placed ones moved: the rest cannot be placed
    if (before - after.length === placements.length) break;
  }
  const left = deps.meetings.get(meetingId);
  const unplaced = left ? annotationsOnVersion(left.state, documentId, fromSha).length : 0;
  return { ok: true, moved, unplaced, rev };
}
