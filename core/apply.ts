// apply(state, event): the one way state changes, on the server and in every client.
import { applyAnnotation } from './annotations.ts';
import { withItemAdded, withItemMoved, withItemRemoved, subtreeIds } from './agenda.ts';
import { assertNever } from './errors.ts';
import type { MeetingEvent } from './events.ts';
import type { DocumentInfo, MeetingState } from './model.ts';
import { applyProxy, proxiesWithout } from './proxies.ts';
import { applyMinutes } from './minutes-rules.ts';
import { applyPublish, documentWithDefaults } from './publish.ts';
import { applySpeaker } from './speakers.ts';
import { applyVote } from './voting.ts';

export function emptyMeeting(): MeetingState {
  return {
    id: '',
    title: '',
    description: '',
    location: '',
    startsAt: '',
    quorum: { kind: 'fraction', value: 0.5 },
    selfCheckIn: false,
    maxProxiesPerHolder: 1,
    speakingLimitSec: 300,
    createdAt: '',
    createdBy: '',
    rev: 0,
    status: 'scheduled',
    currentItemId: null,
    participants: {},
    agenda: { items: {}, children: {} },
    attendance: {},
    documents: {},
    proxies: {},
    speakers: { queue: [], current: null, history: [] },
    votes: {},
    annotations: {},
    notes: {},
    presentation: null,
    startedAt: null,
    endedAt: null,
    minutes: null,
    publishedAt: null,
    readReceipts: {},
  };
}

/** A state saved before some fields existed, with those fields at their empty values. */
export function withDefaults(state: MeetingState): MeetingState {
  const documents: Record<string, DocumentInfo> = {};
  for (const [id, d] of Object.entries(state.documents ?? {}))
    documents[id] = documentWithDefaults(d);
  // a meeting saved before drafts existed was open to its participants: it stays published
  const publishedAt = state.publishedAt === undefined ? state.createdAt : state.publishedAt;
  return { ...emptyMeeting(), ...state, documents, publishedAt };
}

export function apply(state: MeetingState, event: MeetingEvent): MeetingState {
  const next = applyBody(state, event);
  return next === state ? { ...state, rev: event.rev } : { ...next, rev: event.rev };
}

function applyBody(s: MeetingState, e: MeetingEvent): MeetingState {
  switch (e.type) {
    case 'meeting.created': {
      const { meeting, creator } = e.payload;
      return { ...s, ...meeting, participants: { [creator.userId]: creator } };
    }
    case 'meeting.updated':
      return { ...s, ...e.payload };
    case 'meeting.statusChanged': {
      const { status } = e.payload;
      const startedAt = s.startedAt ?? (status === 'in_progress' ? e.at : null);
      return { ...s, status, startedAt, endedAt: status === 'closed' ? e.at : s.endedAt };
    }
    case 'participant.added':
      return {
        ...s,
        participants: { ...s.participants, [e.payload.participant.userId]: e.payload.participant },
      };
    case 'participant.roleChanged': {
      const p = s.participants[e.payload.userId];
      if (!p) return s;
      return {
        ...s,
        participants: { ...s.participants, [p.userId]: { ...p, role: e.payload.role } },
      };
    }
    case 'participant.removed': {
      const participants = { ...s.participants };
      delete participants[e.payload.userId];
      const attendance = { ...s.attendance };
      delete attendance[e.payload.userId];
      const proxies = proxiesWithout(s.proxies, e.payload.userId);
      return { ...s, participants, attendance, proxies };
    }
    case 'agenda.itemAdded':
      return { ...s, agenda: withItemAdded(s.agenda, e.payload.item, e.payload.index) };
    case 'agenda.itemUpdated': {
      const { itemId, ...changes } = e.payload;
      const item = s.agenda.items[itemId];
      if (!item) return s;
      return {
        ...s,
        agenda: { ...s.agenda, items: { ...s.agenda.items, [itemId]: { ...item, ...changes } } },
      };
    }
    case 'agenda.itemMoved':
      return {
        ...s,
        agenda: withItemMoved(s.agenda, e.payload.itemId, e.payload.parentId, e.payload.index),
      };
    case 'agenda.itemRemoved': {
      const gone = new Set(subtreeIds(s.agenda, e.payload.itemId));
      const documents: Record<string, DocumentInfo> = {};
      for (const [id, d] of Object.entries(s.documents)) if (!gone.has(d.itemId)) documents[id] = d;
      return {
        ...s,
        agenda: withItemRemoved(s.agenda, e.payload.itemId),
        documents,
        currentItemId: s.currentItemId && gone.has(s.currentItemId) ? null : s.currentItemId,
      };
    }
    case 'agenda.currentChanged':
      return { ...s, currentItemId: e.payload.itemId };
    case 'attendance.changed': {
      const { userId, status, reason, at, by } = e.payload;
      return { ...s, attendance: { ...s.attendance, [userId]: { status, reason, at, by } } };
    }
    case 'document.added':
      return {
        ...s,
        documents: {
          ...s.documents,
          [e.payload.document.id]: documentWithDefaults(e.payload.document),
        },
      };
    case 'document.removed': {
      const documents = { ...s.documents };
      delete documents[e.payload.documentId];
      return { ...s, documents };
    }
    case 'proxy.granted':
    case 'proxy.revoked':
      return applyProxy(s, e);
    case 'speaker.registered':
    case 'speaker.withdrawn':
    case 'speaker.reordered':
    case 'speaker.floorGiven':
    case 'speaker.speechEnded':
      return applySpeaker(s, e);
    case 'vote.created':
    case 'vote.opened':
    case 'vote.closed':
      return applyVote(s, e);
    case 'annotation.created':
    case 'annotation.updated':
    case 'annotation.deleted':
    case 'annotation.shared':
    case 'annotation.unshared':
    case 'annotation.reanchored':
    case 'note.saved':
    case 'presentation.started':
    case 'presentation.stopped':
      return applyAnnotation(s, e);
    case 'minutes.saved':
    case 'minutes.retracted':
      return applyMinutes(s, e);
    case 'meeting.published':
    case 'document.accessChanged':
    case 'document.accessRevoked':
    case 'document.replaced':
    case 'document.opened':
      return applyPublish(s, e);
    default:
      return assertNever(e);
  }
}
