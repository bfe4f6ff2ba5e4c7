// Publishing a meeting's pack (issue 5): a draft only its organisers see until it is published;
// per-document audience and confidentiality label; new versions of a document that keep the old
// ones for the record; read receipts (who first opened which document, when).
import { fail, ok, type DecideContext, type Decision } from './decision.ts';
import { assertNever } from './errors.ts';
import type { MeetingEvent } from './events.ts';
import type {
  DocumentAudience,
  DocumentInfo,
  DocumentVersion,
  MeetingState,
  Role,
} from './model.ts';
import type { CommandOf } from './schemas.ts';
import { canSeeDocument } from './visibility.ts';

type PublishCommand = CommandOf<
  'meeting.publish' | 'document.setAccess' | 'document.replace' | 'document.opened'
>;

type PublishEvent = Extract<
  MeetingEvent,
  {
    type:
      | 'meeting.published'
      | 'document.accessChanged'
      | 'document.accessRevoked'
      | 'document.replaced'
      | 'document.opened';
  }
>;

/** A document saved before audiences, labels and versions existed: seen by all, unlabelled. */
export function documentWithDefaults(d: DocumentInfo): DocumentInfo {
  const version: DocumentVersion = {
    sha256: d.sha256,
    size: d.size,
    pages: d.pages,
    uploadedBy: d.uploadedBy,
    uploadedAt: d.uploadedAt,
  };
  return {
    ...d,
    audience: d.audience ?? { kind: 'all' },
    label: d.label ?? '',
    versions: d.versions?.length ? d.versions : [version],
  };
}

/** Participants (by id) who see this document; organisers included. */
function seers(s: MeetingState, doc: DocumentInfo): Set<string> {
  return new Set(
    Object.values(s.participants)
      .filter((p) => canSeeDocument(doc, p.userId, p.role))
      .map((p) => p.userId),
  );
}

function sameAudience(a: DocumentAudience, b: DocumentAudience): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'all' || b.kind === 'all') return true;
  return [...a.users].sort().join(',') === [...b.users].sort().join(',');
}

export function decidePublish(
  s: MeetingState,
  command: PublishCommand,
  ctx: DecideContext,
  role: Role,
): Decision {
  switch (command.type) {
    case 'meeting.publish':
      if (s.publishedAt !== null) return ok();
      return ok({ type: 'meeting.published', payload: { publishedAt: ctx.now } });
    case 'document.setAccess': {
      const { documentId, audience, label } = command.payload;
      const doc = s.documents[documentId];
      if (!doc) return fail('NOT_FOUND', 'This document does not exist.');
      let next: DocumentAudience = audience;
      if (audience.kind === 'some') {
        const users = [...new Set(audience.users)];
        const unknown = users.find((u) => !s.participants[u]);
        if (unknown !== undefined)
          return fail('NOT_FOUND', `"${unknown}" is not a participant of this meeting.`);
        next = { kind: 'some', users: users.sort() };
      }
      if (sameAudience(doc.audience, next) && doc.label === label) return ok();
      const document: DocumentInfo = { ...doc, audience: next, label };
      const after = seers(s, document);
      const lost = [...seers(s, doc)].filter((u) => !after.has(u)).sort();
      const changed = { type: 'document.accessChanged' as const, payload: { document } };
      if (lost.length === 0) return ok(changed);
      return ok(changed, {
        type: 'document.accessRevoked',
        payload: { documentId, userIds: lost },
      });
    }
    case 'document.replace': {
      const { documentId, name, sha256, size, pages } = command.payload;
      const doc = s.documents[documentId];
      if (!doc) return fail('NOT_FOUND', 'This document does not exist.');
      if (doc.sha256 === sha256)
        return fail('CONFLICT', 'This file is the current version of the document already.');
      const version = { sha256, size, pages, uploadedBy: ctx.actor.userId, uploadedAt: ctx.now };
      const current: DocumentInfo = {
        ...doc,
        name,
        ...version,
        versions: [...doc.versions, version],
      };
      return ok({ type: 'document.replaced', payload: { documentId, previous: doc, current } });
    }
    case 'document.opened': {
      const { documentId } = command.payload;
      const doc = s.documents[documentId];
      const me = ctx.actor.userId;
      if (!doc || !canSeeDocument(doc, me, role))
        return fail('NOT_FOUND', 'This document does not exist.');
      if (s.readReceipts[documentId]?.[me] !== undefined) return ok();
      return ok({ type: 'document.opened', payload: { documentId, userId: me, at: ctx.now } });
    }
    default:
      return assertNever(command);
  }
}

export function applyPublish(s: MeetingState, e: PublishEvent): MeetingState {
  switch (e.type) {
    case 'meeting.published':
      return { ...s, publishedAt: e.payload.publishedAt };
    case 'document.accessChanged': {
      const d = e.payload.document;
      return { ...s, documents: { ...s.documents, [d.id]: documentWithDefaults(d) } };
    }
    case 'document.accessRevoked': {
      // on the server a no-op (the accessChanged before it already narrowed the audience, so it
      // is never 'all' here); a client it is sent to has the old audience and drops the document
      // once its view is cut (viewFor)
      const d = s.documents[e.payload.documentId];
      if (!d) return s;
      const gone = new Set(e.payload.userIds);
      const before = d.audience.kind === 'all' ? null : d.audience.users;
      const users = (before ?? []).filter((u) => !gone.has(u));
      if (before !== null && users.length === before.length) return s;
      const document: DocumentInfo = { ...d, audience: { kind: 'some', users } };
      return { ...s, documents: { ...s.documents, [d.id]: document } };
    }
    case 'document.replaced': {
      const d = e.payload.current;
      return { ...s, documents: { ...s.documents, [d.id]: documentWithDefaults(d) } };
    }
    case 'document.opened': {
      const { documentId, userId, at } = e.payload;
      const mine = s.readReceipts[documentId] ?? {};
      if (mine[userId] !== undefined) return s;
      return {
        ...s,
        readReceipts: { ...s.readReceipts, [documentId]: { ...mine, [userId]: at } },
      };
    }
    default:
      return assertNever(e);
  }
}
