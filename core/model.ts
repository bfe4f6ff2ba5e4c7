// The meeting's state as every side sees it. Plain data: JSON-serialisable, no classes.

export const ROLES = ['admin', 'secretary', 'chair', 'delegate', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const GLOBAL_ROLES = ['admin', 'secretary', 'member'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

export const MEETING_STATUSES = ['scheduled', 'in_progress', 'paused', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'online', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export type Quorum = { kind: 'fraction'; value: number } | { kind: 'count'; value: number };

export interface Participant {
  userId: string;
  displayName: string;
  role: Role;
}

export interface AgendaItem {
  id: string;
  parentId: string | null;
  title: string;
  description: string;
  presenter: string;
  durationMin: number | null;
}

export interface Agenda {
  items: Record<string, AgendaItem>;
  /** Ordered child ids per parent; the key `ROOT` holds the top level. */
  children: Record<string, string[]>;
}

export const ROOT = '';

export interface Attendance {
  status: AttendanceStatus;
  reason: string;
  at: string;
  by: string;
}

/** Who may see a document: every participant, or the named ones (organisers always do). */
export type DocumentAudience = { kind: 'all' } | { kind: 'some'; users: string[] };

/** One uploaded file of a document; a replaced document keeps its old versions for the record. */
export interface DocumentVersion {
  sha256: string;
  size: number;
  pages: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface DocumentInfo {
  id: string;
  itemId: string;
  name: string;
  /** The current version's file (also the last entry of `versions`). */
  sha256: string;
  size: number;
  pages: number;
  uploadedBy: string;
  uploadedAt: string;
  audience: DocumentAudience;
  /** Confidentiality label drawn on every page (e.g. "MẬT"); '' for none. */
  label: string;
  /** Every version, oldest first; the current one last. */
  versions: DocumentVersion[];
}

export interface MeetingInfo {
  id: string;
  title: string;
  description: string;
  location: string;
  startsAt: string;
  quorum: Quorum;
  selfCheckIn: boolean;
  createdAt: string;
  createdBy: string;
}

/** Meeting settings for proxies and speakers; changed with `meeting.update`. */
export interface MeetingSettings {
  /** How many other delegates' votes one delegate may hold (docs/voting-rules.md). */
  maxProxiesPerHolder: number;
  /** The speaking time limit given with the floor, in seconds. */
  speakingLimitSec: number;
}

export interface MeetingState extends MeetingInfo, MeetingSettings {
  rev: number;
  status: MeetingStatus;
  currentItemId: string | null;
  participants: Record<string, Participant>;
  agenda: Agenda;
  attendance: Record<string, Attendance>;
  documents: Record<string, DocumentInfo>;
  /** Proxies: principal userId -> the delegate who holds their vote. */
  proxies: Record<string, string>;
  speakers: SpeakersState;
  votes: Record<string, Vote>;
  /** Every annotation; a viewer's copy holds only their own and the shared ones. */
  annotations: Record<string, Annotation>;
  /** Personal notes per agenda item: userId -> itemId -> note. Each user sees only theirs. */
  notes: Record<string, Record<string, PersonalNote>>;
  /** The document being presented, if any; delegates may follow it (page moves are volatile). */
  presentation: Presentation | null;
  /** When the meeting was first started and when it was closed (for the minutes). */
  startedAt: string | null;
  endedAt: string | null;
  /** The secretary's minutes (core/minutes.ts); null until first saved. */
  minutes: MeetingMinutes | null;
  /** When the pack was published; null while it is a draft only organisers see. */
  publishedAt: string | null;
  /** Read receipts: documentId -> userId -> when they first opened it (organisers see them). */
  readReceipts: Record<string, Record<string, string>>;
}

export const ANNOTATION_KINDS = ['highlight', 'ink', 'note', 'text'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/**
 * A rectangle in PDF user space of its page (points; origin at the page's lower left, as in the
 * PDF itself), so an annotation stays on the same words at any zoom and in any PDF reader.
 */
export interface PdfRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where an annotation sits on its page, by kind. Coordinates in PDF user space (see PdfRect). */
export type AnnotationShape =
  | {
      kind: 'highlight';
      rects: PdfRect[];
      /** The highlighted text, and some text either side: what re-anchoring looks for. */
      quote: string;
      prefix: string;
      suffix: string;
    }
  /** Freehand strokes; each a flat list x0, y0, x1, y1, ... */
  | { kind: 'ink'; strokes: number[][]; width: number }
  /** A sticky note at a point (its top-left corner). */
  | { kind: 'note'; x: number; y: number }
  /** A free text box. */
  | { kind: 'text'; rect: PdfRect; fontSize: number };

export interface Annotation {
  /** Made by the client, so a device can edit an annotation it created offline before any ack. */
  id: string;
  documentId: string;
  /** The version of the document (its SHA-256) the geometry refers to. */
  sha256: string;
  /** 1-based page number. */
  page: number;
  author: string;
  /** Private (only the author's devices) unless shared with the whole meeting. */
  shared: boolean;
  /** #rrggbb */
  color: string;
  /** The note's or text box's text; a comment on a highlight or drawing. */
  text: string;
  shape: AnnotationShape;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every change the server applies; the latest change wins (docs/protocol.md). */
  version: number;
}

export interface PersonalNote {
  text: string;
  updatedAt: string;
}

export interface Presentation {
  presenterId: string;
  documentId: string;
  /** The page when the presentation started; moves after that are volatile (not journaled). */
  page: number;
  startedAt: string;
}

/** A follow-up task in the minutes: what, who (a participant, or a name as written), by when. */
export interface MinutesTask {
  id: string;
  title: string;
  ownerId: string | null;
  ownerName: string;
  /** A calendar date, YYYY-MM-DD, or null. */
  due: string | null;
}

export const MINUTES_LANGUAGES = ['vi', 'en'] as const;
export type MinutesLanguage = (typeof MINUTES_LANGUAGES)[number];

/** What the secretary adds to the draft generated from the record (core/minutes.ts). */
export interface MeetingMinutes {
  /** Counts saves; a save names the version it edits, so that a concurrent save is not lost. */
  version: number;
  /** The organisation's name for the header (upper-cased there). */
  organisation: string;
  /** The document number, e.g. "12/BB-UBND". */
  number: string;
  /** The place in the place-and-date line, e.g. "Hà Nội". */
  city: string;
  /** Section texts the secretary rewrote, per language and section key; paragraphs on lines. */
  sections: Record<MinutesLanguage, Record<string, string>>;
  conclusions: string;
  tasks: MinutesTask[];
  /** Final minutes are shown to every participant; a draft only to organisers and the chair. */
  final: boolean;
  savedAt: string;
  savedBy: string;
}

export const SPEAKER_KINDS = ['speech', 'interpellation'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

export interface SpeakerEntry {
  id: string;
  userId: string;
  itemId: string;
  kind: SpeakerKind;
  /** Whom an interpellation (chất vấn) is addressed to; '' for a speech. */
  addressedTo: string;
  registeredAt: string;
}

export interface SpeakersState {
  /** Waiting entries in the order the chair will give the floor. */
  queue: SpeakerEntry[];
  current: (SpeakerEntry & { startedAt: string; limitSec: number }) | null;
  /** Every speech given, oldest first: who spoke on which item, for the minutes. */
  history: (SpeakerEntry & { startedAt: string; endedAt: string })[];
}

export const VOTE_KINDS = ['named', 'secret'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const VOTE_RULES = ['simple', 'absolute', 'twoThirds'] as const;
export type VoteRule = (typeof VOTE_RULES)[number];
export const VOTE_VISIBILITIES = ['chair', 'all', 'afterClose'] as const;
export type VoteVisibility = (typeof VOTE_VISIBILITIES)[number];
export const VOTE_STATUSES = ['draft', 'open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

/** The option ids of a standard vote; clients show their own translated labels. */
export const STANDARD_OPTIONS = ['agree', 'disagree', 'abstain'] as const;
export const STANDARD_LABELS: Record<(typeof STANDARD_OPTIONS)[number], string> = {
  agree: 'Tán thành',
  disagree: 'Không tán thành',
  abstain: 'Không biểu quyết',
};

export interface VoteOption {
  id: string;
  label: string;
}

/** A named vote's ballot: whose vote it is, who cast it (the holder, for a proxy), the choices. */
export interface NamedBallot {
  voterId: string;
  castBy: string;
  choices: string[];
}

/** The outcome of a closed vote, with the numbers behind it (docs/voting-rules.md). */
export interface VoteResult {
  /** Ballots per option id (every option present, 0 if none). */
  counts: Record<string, number>;
  /** Ballots cast, abstentions included: the number of principals in `roll`. */
  cast: number;
  /** Voting members of the meeting (chair and delegates) when the vote closed. */
  members: number;
  /** Principals who could vote at the close, plus any who voted earlier and no longer could. */
  eligible: number;
  rule: VoteRule;
  /** null for a vote with custom options: it has no adoption rule, only counts. */
  adopted: boolean | null;
  /** The agree count needed (0 for custom options). */
  threshold: number;
  /** What the threshold is computed from: agree + disagree (simple), members (absolute, 2/3). */
  basis: number;
  /** The option(s) with the most ballots (several on a tie, none when nobody voted). */
  leading: string[];
  /** In English, for logs and minutes; clients build their own text from the numbers. */
  explanation: string;
  /** Principals whose ballot counted, sorted: the roll frozen at the close. */
  roll: string[];
  /** Named votes only: who voted what, sorted by voter. */
  ballots?: NamedBallot[];
}

export interface Vote {
  id: string;
  itemId: string;
  title: string;
  kind: VoteKind;
  options: VoteOption[];
  multiple: boolean;
  maxChoices: number;
  rule: VoteRule;
  visibility: VoteVisibility;
  allowChange: boolean;
  deadline: string | null;
  status: VoteStatus;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  result: VoteResult | null;
}

/** Who is acting: an authenticated account. Their meeting role comes from the meeting itself. */
export interface Actor {
  userId: string;
  globalRole: GlobalRole;
}

/** What a meeting list shows without loading the whole meeting. */
export interface MeetingSummary {
  id: string;
  title: string;
  location: string;
  startsAt: string;
  status: MeetingStatus;
  role: Role;
  /** null while the meeting is a draft (only its organisers list it then). */
  publishedAt: string | null;
}
