// Storage behind an interface, so that lowdb on local disk can be replaced (e.g. by PostgreSQL)
// without touching the handlers. Every write method resolves only once the data is durable.
import type { GlobalRole, MeetingEvent, MeetingState, NamedBallot } from '../../core/index.ts';

/** What the audit log keeps of a command: who, what, when, and how it ended. Never the payload. */
export interface AuditEntry {
  at: string;
  actor: string;
  commandId: string;
  type: string;
  ok: boolean;
  rev?: number;
  error?: string;
}

/** A command that changed the meeting; kept so that a retry with the same id is answered, not reapplied. */
export interface CommandRecord {
  key: string;
  rev: number;
}

/** One group commit: the events of several commands, written and flushed together. */
export interface Batch {
  fromRev: number;
  rev: number;
  events: MeetingEvent[];
  commands: CommandRecord[];
  audit: AuditEntry[];
}

export interface MeetingSnapshot {
  state: MeetingState;
  commands: CommandRecord[];
}

export interface LoadedMeeting {
  state: MeetingState;
  /** Every event since the meeting was created, in order. */
  events: MeetingEvent[];
  commands: CommandRecord[];
}

/**
 * A secret vote's box: who has voted, and the ballots, kept apart. The roll is sorted by user id
 * and the ballots by key (a hash of vote, principal and the client's secret token), so neither
 * order tells anything about the other: no record links a voter to a choice.
 */
export interface SecretBox {
  roll: string[];
  ballots: { key: string; choices: string[] }[];
}

/** A vote's ballots as stored: named ones in the order cast (the last per voter wins). */
export type StoredBallots =
  | { voteId: string; kind: 'named'; ballots: NamedBallot[] }
  | { voteId: string; kind: 'secret'; box: SecretBox };

/** A vote's ballots to write: named ones appended, a secret box replaced whole. */
export type BallotWrite =
  | { voteId: string; kind: 'named'; ballots: NamedBallot[] }
  | { voteId: string; kind: 'secret'; box: SecretBox };

/**
 * One group commit of a vote's ballots, with their audit entries. A secret box is the ballot
 * box's live state: the store serialises it before `writeBallots` returns.
 */
export type BallotBatch = BallotWrite & { audit: AuditEntry[] };

/** A meeting's projector token, kept as a hash (see server/projector). */
export interface ProjectorRecord {
  tokenHash: string;
  createdAt: string;
  createdBy: string;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  globalRole: GlobalRole;
  active: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface Session {
  /** SHA-256 of the token: a stolen data file does not give working tokens. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface AccountsData {
  accounts: Account[];
  sessions: Session[];
}

export interface Store {
  listMeetings(): Promise<string[]>;
  loadMeeting(meetingId: string): Promise<LoadedMeeting | null>;
  /** Appends a batch; resolves once it is on disk. */
  appendBatch(meetingId: string, batch: Batch): Promise<void>;
  /** Writes a compact snapshot so that the next start replays fewer events. */
  saveSnapshot(meetingId: string, snapshot: MeetingSnapshot): Promise<void>;
  readAudit(meetingId: string): Promise<AuditEntry[]>;
  /** Every stored ballot of the meeting's votes (a file per vote, apart from the journal). */
  loadBallots(meetingId: string): Promise<StoredBallots[]>;
  /** Writes a batch of one vote's ballots and their audit entries; resolves once on disk. */
  writeBallots(meetingId: string, batch: BallotBatch): Promise<void>;
  readProjector(meetingId: string): Promise<ProjectorRecord | null>;
  /** Replaces (or with null removes) the meeting's projector token; resolves once on disk. */
  writeProjector(meetingId: string, record: ProjectorRecord | null): Promise<void>;
  readAccounts(): Promise<AccountsData>;
  writeAccounts(data: AccountsData): Promise<void>;
  /** Where content-addressed files (documents) live. */
  blobDir: string;
  close(): Promise<void>;
}
