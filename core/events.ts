// Events: the facts the server records. Each is stamped with the meeting's revision.
import type {
  AgendaItem,
  Annotation,
  AnnotationShape,
  Presentation,
  AttendanceStatus,
  DocumentInfo,
  MeetingInfo,
  MeetingMinutes,
  MeetingSettings,
  MeetingStatus,
  Participant,
  Role,
  SpeakerEntry,
  Vote,
  VoteResult,
} from './model.ts';

export type EventBody =
  | { type: 'meeting.created'; payload: { meeting: MeetingInfo; creator: Participant } }
  | {
      type: 'meeting.updated';
      payload: Partial<Omit<MeetingInfo, 'id' | 'createdAt' | 'createdBy'> & MeetingSettings>;
    }
  | { type: 'meeting.statusChanged'; payload: { status: MeetingStatus } }
  | { type: 'participant.added'; payload: { participant: Participant } }
  | { type: 'participant.roleChanged'; payload: { userId: string; role: Role } }
  | { type: 'participant.removed'; payload: { userId: string } }
  | { type: 'agenda.itemAdded'; payload: { item: AgendaItem; index: number } }
  | {
      type: 'agenda.itemUpdated';
      payload: { itemId: string } & Partial<
        Pick<AgendaItem, 'title' | 'description' | 'presenter' | 'durationMin'>
      >;
    }
  | {
      type: 'agenda.itemMoved';
      payload: { itemId: string; parentId: string | null; index: number };
    }
  | { type: 'agenda.itemRemoved'; payload: { itemId: string } }
  | { type: 'agenda.currentChanged'; payload: { itemId: string | null } }
  | {
      type: 'attendance.changed';
      payload: { userId: string; status: AttendanceStatus; reason: string; at: string; by: string };
    }
  | { type: 'document.added'; payload: { document: DocumentInfo } }
  | { type: 'document.removed'; payload: { documentId: string } }
  | { type: 'meeting.published'; payload: { publishedAt: string } }
  /** Sent to those who see the document now; `document` is its whole new info. */
  | { type: 'document.accessChanged'; payload: { document: DocumentInfo } }
  /** Sent only to those who no longer see the document. */
  | { type: 'document.accessRevoked'; payload: { documentId: string; userIds: string[] } }
  /** A new version; `previous` stays in `current.versions` (and is served) for the record. */
  | {
      type: 'document.replaced';
      payload: { documentId: string; previous: DocumentInfo; current: DocumentInfo };
    }
  | { type: 'document.opened'; payload: { documentId: string; userId: string; at: string } }
  | { type: 'proxy.granted'; payload: { fromUserId: string; toUserId: string } }
  | { type: 'proxy.revoked'; payload: { fromUserId: string } }
  | { type: 'speaker.registered'; payload: { entry: SpeakerEntry } }
  | { type: 'speaker.withdrawn'; payload: { entryId: string } }
  | { type: 'speaker.reordered'; payload: { entryIds: string[] } }
  | {
      type: 'speaker.floorGiven';
      payload: { entry: SpeakerEntry; startedAt: string; limitSec: number };
    }
  | { type: 'speaker.speechEnded'; payload: { entryId: string; endedAt: string } }
  | { type: 'vote.created'; payload: { vote: Vote } }
  | { type: 'vote.opened'; payload: { voteId: string; openedAt: string } }
  | { type: 'vote.closed'; payload: { voteId: string; closedAt: string; result: VoteResult } }
  | { type: 'annotation.created'; payload: { annotation: Annotation } }
  | {
      type: 'annotation.updated';
      payload: {
        annotationId: string;
        /** Who owns it and whether it is shared: who may receive this event. */
        author: string;
        shared: boolean;
        changes: AnnotationChanges;
        updatedAt: string;
        version: number;
      };
    }
  | {
      type: 'annotation.deleted';
      payload: { annotationId: string; author: string; shared: boolean };
    }
  /** Shared with the meeting: everyone receives the whole annotation. */
  | { type: 'annotation.shared'; payload: { annotation: Annotation } }
  /** Made private again: everyone but the author drops it. */
  | {
      type: 'annotation.unshared';
      payload: { annotationId: string; author: string; updatedAt: string; version: number };
    }
  /** Moved to a new version of its document (core/reanchor.ts); same audience as an update. */
  | {
      type: 'annotation.reanchored';
      payload: {
        annotationId: string;
        author: string;
        shared: boolean;
        /** The new version the geometry now refers to. */
        sha256: string;
        page: number;
        shape: AnnotationShape;
        version: number;
      };
    }
  | {
      type: 'note.saved';
      payload: { userId: string; itemId: string; text: string; updatedAt: string };
    }
  | { type: 'presentation.started'; payload: { presentation: Presentation } }
  | { type: 'presentation.stopped'; payload: Record<string, never> }
  | { type: 'minutes.saved'; payload: { minutes: MeetingMinutes } }
  | { type: 'minutes.retracted'; payload: Record<string, never> };

/** The fields an annotation update may change; each one given replaces the stored one. */
export interface AnnotationChanges {
  color?: string;
  text?: string;
  page?: number;
  shape?: AnnotationShape;
}

export type EventType = EventBody['type'];

/** An event as stored and sent: the body plus who caused it, when, and the revision it made. */
export type MeetingEvent = EventBody & {
  rev: number;
  at: string;
  actor: string;
};

/** Who may receive an event. `all` is everyone in the meeting. */
export type Audience = { kind: 'all' } | { kind: 'some'; users: string[]; roles: Role[] };
