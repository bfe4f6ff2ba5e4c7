// What changed in a published pack, said to the people it concerns ("Mục 3: tài liệu đã được thay
// thế"). Derived on each client from the events it receives: the server sends each person only the
// events they may see, so each person hears only about what concerns them.
import { flattenAgenda } from './agenda.ts';
import { apply } from './apply.ts';
import type { MeetingEvent } from './events.ts';
import type { MeetingState } from './model.ts';

export const ANNOUNCEMENT_KINDS = [
  'documentAdded',
  'documentReplaced',
  'documentRemoved',
  'itemAdded',
  'itemChanged',
  'itemMoved',
  'itemRemoved',
] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

export interface Announcement {
  kind: AnnouncementKind;
  /** The item's number in the agenda ("3", "2.1"); '' when it is not in the agenda. */
  itemNumber: string;
  itemTitle: string;
  /** The document's name, for document changes; '' otherwise. */
  documentName: string;
  documentId: string | null;
  rev: number;
  at: string;
}

function itemRef(s: MeetingState, itemId: string): { itemNumber: string; itemTitle: string } {
  const entry = flattenAgenda(s.agenda).find((e) => e.item.id === itemId);
  return { itemNumber: entry?.number ?? '', itemTitle: entry?.item.title ?? '' };
}

/**
 * The announcements for a batch of events applied to `before`. Nothing while the meeting is a
 * draft (nobody but the organisers has it yet), nothing for one's own changes.
 */
export function announcementsFor(
  before: MeetingState,
  events: MeetingEvent[],
  selfId: string,
): Announcement[] {
  const out: Announcement[] = [];
  let s = before;
  for (const e of events) {
    const prev = s;
    s = apply(s, e);
    if (prev.publishedAt === null || e.actor === selfId) continue;
    const base = { rev: e.rev, at: e.at };
    const doc = (
      kind: AnnouncementKind,
      state: MeetingState,
      d: { id: string; itemId: string; name: string },
    ) =>
      out.push({
        kind,
        ...itemRef(state, d.itemId),
        documentName: d.name,
        documentId: d.id,
        ...base,
      });
    const item = (kind: AnnouncementKind, state: MeetingState, itemId: string) =>
      out.push({ kind, ...itemRef(state, itemId), documentName: '', documentId: null, ...base });
    switch (e.type) {
      case 'document.added':
        doc('documentAdded', s, e.payload.document);
        break;
      case 'document.accessChanged': {
        // new to this person: for them it was added
        if (!prev.documents[e.payload.document.id]) doc('documentAdded', s, e.payload.document);
        break;
      }
      case 'document.replaced':
        doc('documentReplaced', s, e.payload.current);
        break;
      case 'document.removed': {
        const d = prev.documents[e.payload.documentId];
        if (d) doc('documentRemoved', prev, d);
        break;
      }
      case 'document.accessRevoked': {
        const d = prev.documents[e.payload.documentId];
        if (d) doc('documentRemoved', prev, d);
        break;
      }
      case 'agenda.itemAdded':
        item('itemAdded', s, e.payload.item.id);
        break;
      case 'agenda.itemUpdated':
        item('itemChanged', s, e.payload.itemId);
        break;
      case 'agenda.itemMoved':
        item('itemMoved', s, e.payload.itemId);
        break;
      case 'agenda.itemRemoved':
        item('itemRemoved', prev, e.payload.itemId);
        break;
      default:
        break;
    }
  }
  return out;
}
