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

export interface DocumentInfo {
  id: string;
  itemId: string;
  name: string;
  sha256: string;
  size: number;
  pages: number;
  uploadedBy: string;
  uploadedAt: string;
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

export interface MeetingState extends MeetingInfo {
  rev: number;
  status: MeetingStatus;
  currentItemId: string | null;
  participants: Record<string, Participant>;
  agenda: Agenda;
  attendance: Record<string, Attendance>;
  documents: Record<string, DocumentInfo>;
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
}
