// Storage behind an interface, so that lowdb on local disk can be replaced (e.g. by PostgreSQL)
// without touching the handlers. Every write method resolves only once the data is durable.
import type { GlobalRole, MeetingEvent, MeetingState } from '../../core/index.ts';

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
  readAccounts(): Promise<AccountsData>;
  writeAccounts(data: AccountsData): Promise<void>;
  /** Where content-addressed files (documents) live. */
  blobDir: string;
  close(): Promise<void>;
}
