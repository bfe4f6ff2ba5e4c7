// The wire protocol between clients and the server over Socket.IO (see docs/protocol.md).
import { z } from 'zod';
import type { AppError } from './errors.ts';
import type { EventBody, MeetingEvent } from './events.ts';
import type { MeetingState } from './model.ts';

/** Bumped on every incompatible change; a client with another version is told to update. */
export const PROTOCOL_VERSION = 1;

/** A client further behind than this gets a snapshot instead of the events it missed. */
export const MAX_CATCH_UP_EVENTS = 5000;

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: AppError };

export type CommandAck = Ack<{ rev: number; meetingId: string }>;

export type JoinAck = Ack<
  | { mode: 'events'; meetingId: string; rev: number; events: MeetingEvent[] }
  | { mode: 'snapshot'; meetingId: string; rev: number; snapshot: MeetingState }
>;

/** Sent after each durable batch: the events this client may see, between two revisions. */
export interface EventsMessage {
  meetingId: string;
  /** The revision the client must have for these events to follow on. */
  fromRev: number;
  rev: number;
  events: MeetingEvent[];
}

/** Socket.IO handshake `auth` field: a session token, or a meeting's read-only projector token. */
export type HandshakeAuth =
  { token: string; protocol: number } | { projector: string; protocol: number };

/**
 * Why a session ended (docs/protocol.md §2.3): `expired` (its `expiresAt` passed), `loggedOut`
 * (`POST /api/logout` with its token), `revoked` (the password was changed in another session),
 * `deactivated` (an administrator disabled the account). A device keeps its unsent changes when the
 * session expired or was revoked, and forgets what it kept for the account on the other two.
 */
export const SESSION_END_REASONS = ['expired', 'loggedOut', 'revoked', 'deactivated'] as const;
export const SessionEndReasonSchema = z.enum(SESSION_END_REASONS);
export type SessionEndReason = z.infer<typeof SessionEndReasonSchema>;

/** `session:ended`, and the `reason` a refused handshake or HTTP 401 carries when it is known. */
export const SessionEndedSchema = z.object({
  code: z.literal('UNAUTHENTICATED'),
  message: z.string(),
  reason: SessionEndReasonSchema,
});
export type SessionEnded = z.infer<typeof SessionEndedSchema>;

/** A refused token (handshake `connect_error` data, HTTP 401 body), with why when known. */
export type SessionRefusal = AppError & { reason?: SessionEndReason };

export function sessionRefusal(message: string, reason: SessionEndReason | null): SessionRefusal {
  const error: SessionRefusal = { code: 'UNAUTHENTICATED', message };
  if (reason) error.reason = reason;
  return error;
}

/** `vote:tally`: a vote's live count, coalesced (at most 4 per second per vote), never journaled. */
export interface TallyMessage {
  meetingId: string;
  voteId: string;
  /** Ballots cast so far (everyone in the meeting gets this). */
  cast: number;
  eligible: number;
  /** Per option; only to those the vote's visibility lets see live counts. */
  counts?: Record<string, number>;
}

/** One of the asker's own ballots: their own, or one they hold by proxy. */
export interface MyBallot {
  principal: string;
  voted: boolean;
  /** Named votes only: a secret ballot's choice is never sent back (the client remembers it). */
  choices?: string[];
}

export type VoteStatusAck = Ack<{
  cast: number;
  eligible: number;
  counts?: Record<string, number>;
  mine: MyBallot[];
}>;

/** `presenter:moved`: where the presenter is now (volatile, coalesced; docs/protocol.md §14). */
export interface PresenterMoved {
  meetingId: string;
  presenterId: string;
  documentId: string;
  page: number;
}

/** The commands whose decided events are previewed (`annotation:preview`). */
export const PREVIEWED_COMMANDS = [
  'annotation.create',
  'annotation.update',
  'annotation.delete',
] as const;

/** An annotation event as previewed: decided, not yet on disk, so without rev, at or actor. */
export type PreviewEvent = Extract<
  EventBody,
  { type: 'annotation.created' | 'annotation.updated' | 'annotation.deleted' }
>;

/**
 * `annotation:preview`: an annotation change the server has decided but not yet written (volatile,
 * no revision, may be lost or never become durable; docs/protocol.md §14). Not a promise: the
 * `meeting:events` that follows is the truth.
 */
export interface AnnotationPreview {
  meetingId: string;
  events: PreviewEvent[];
}

export interface ClientToServerEvents {
  'meeting:join': (req: unknown, ack: (res: JoinAck) => void) => void;
  'meeting:leave': (req: unknown, ack: (res: Ack) => void) => void;
  command: (envelope: unknown, ack: (res: CommandAck) => void) => void;
  'vote:status': (req: unknown, ack: (res: VoteStatusAck) => void) => void;
  /** The presenter's position; the ack is optional (the renderer sends these without one). */
  'presenter:move': (req: unknown, ack?: (res: Ack) => void) => void;
}

export interface ServerToClientEvents {
  'meeting:events': (msg: EventsMessage) => void;
  /** The list of meetings this user belongs to changed (added to or removed from one). */
  'meetings:changed': () => void;
  /** The session ended on the server; `reason` says why (logout, expiry, revoked, disabled). */
  'session:ended': (msg: SessionEnded) => void;
  'vote:tally': (msg: TallyMessage) => void;
  'presenter:moved': (msg: PresenterMoved) => void;
  'annotation:preview': (msg: AnnotationPreview) => void;
  /** One of this user's opinion forms changed (sent, answered, near its deadline, closed). */
  'forms:changed': () => void;
}
