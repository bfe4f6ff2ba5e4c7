// The wire protocol between clients and the server over Socket.IO (see docs/protocol.md).
import type { AppError } from './errors.ts';
import type { MeetingEvent } from './events.ts';
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

/** Socket.IO handshake `auth` field. */
export interface HandshakeAuth {
  token: string;
  protocol: number;
}

export interface ClientToServerEvents {
  'meeting:join': (req: unknown, ack: (res: JoinAck) => void) => void;
  'meeting:leave': (req: unknown, ack: (res: Ack) => void) => void;
  command: (envelope: unknown, ack: (res: CommandAck) => void) => void;
}

export interface ServerToClientEvents {
  'meeting:events': (msg: EventsMessage) => void;
  /** The list of meetings this user belongs to changed (added to or removed from one). */
  'meetings:changed': () => void;
  /** The session ended on the server (logout elsewhere, expiry, account disabled). */
  'session:ended': (reason: { code: 'UNAUTHENTICATED'; message: string }) => void;
}
