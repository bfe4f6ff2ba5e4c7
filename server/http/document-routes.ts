// Documents over HTTP: upload to an agenda item, a new version of a document, and download by
// SHA-256 with ETag and ranges (only what the asker may see).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  appError,
  canOrganise,
  canSeeDocument,
  DocumentAudienceSchema,
  LIMITS,
  roleIn,
  Sha256,
  type DocumentInfo,
  type DocumentVersion,
} from '../../core/index.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { MeetingService } from '../meetings/service.ts';
import type { ReanchorRequest } from '../documents/reanchor.ts';
import { parseOr400, requireParticipant, requireUser, sendError } from './common.ts';
import { receivePdf, sendPdfBlob, type PdfUploadDeps, type StoredPdf } from './pdf-upload.ts';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const UploadParams = z.object({ meetingId: Id, itemId: Id });
const VersionParams = z.object({ meetingId: Id, documentId: Id });
const FileParams = z.object({ meetingId: Id, sha256: Sha256 });
const UploadAccess = z.strictObject({
  audience: DocumentAudienceSchema.optional(),
  label: z.string().trim().max(LIMITS.label).optional(),
});
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export interface DocumentDeps extends PdfUploadDeps {
  accounts: AccountService;
  meetings: MeetingService;
  readAudit: (meetingId: string) => Promise<unknown[]>;
  /** Told once a checked document is stored (search reads its text then). */
  onStored?: (sha256: string) => void;
  /** Moves a replaced document's annotations to its new version (server/documents/reanchor.ts). */
  reanchor?: (req: ReanchorRequest) => Promise<{ ok: boolean }>;
}

export function registerDocumentRoutes(app: FastifyInstance, deps: DocumentDeps): void {
  const { accounts, meetings } = deps;

  app.post('/api/meetings/:meetingId/items/:itemId/documents', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(UploadParams, req.params, reply);
    if (!params) return reply;
    const log = meetings.get(params.meetingId);
    if (!log) return sendError(reply, appError('NOT_FOUND', 'There is no such meeting.'));
    if (!canOrganise(roleIn(log.state, who)))
      return sendError(reply, appError('FORBIDDEN', 'Only the secretary can add documents.'));
    if (!log.state.agenda.items[params.itemId])
      return sendError(reply, appError('NOT_FOUND', 'This agenda item does not exist.'));
    return receiveUpload(deps, req, reply, async (file, key, fields) => {
      // optional: who may see it and its label, set before anyone hears of it (field "access")
      let access = {};
      if (fields.access !== undefined) {
        const parsed = UploadAccess.safeParse(parseJson(fields.access));
        if (!parsed.success)
          return sendError(
            reply,
            appError('INVALID_PAYLOAD', `The "access" field: ${z.prettifyError(parsed.error)}`),
          );
        access = parsed.data;
      }
      const ack = await meetings.execute(
        log.id,
        key,
        { type: 'document.add', payload: { itemId: params.itemId, ...file, ...access } },
        who,
      );
      if (!ack.ok) return sendError(reply, ack.error);
      const added = log.recent.find((e) => e.rev === ack.rev && e.type === 'document.added');
      const document = added?.type === 'document.added' ? added.payload.document : undefined;
      return reply.code(201).send({ document, rev: ack.rev });
    });
  });

  // a new version of a document: the old one stays in `versions`, and is still served
  app.post('/api/meetings/:meetingId/documents/:documentId/versions', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(VersionParams, req.params, reply);
    if (!params) return reply;
    const log = meetings.get(params.meetingId);
    if (!log) return sendError(reply, appError('NOT_FOUND', 'There is no such meeting.'));
    if (!canOrganise(roleIn(log.state, who)))
      return sendError(reply, appError('FORBIDDEN', 'Only the secretary can replace documents.'));
    if (!log.state.documents[params.documentId])
      return sendError(reply, appError('NOT_FOUND', 'This document does not exist.'));
    return receiveUpload(deps, req, reply, async (file, key) => {
      const ack = await meetings.execute(
        log.id,
        key,
        { type: 'document.replace', payload: { documentId: params.documentId, ...file } },
        who,
      );
      if (!ack.ok) return sendError(reply, ack.error);
      const replaced = log.recent.find((e) => e.rev === ack.rev && e.type === 'document.replaced');
      const document =
        replaced?.type === 'document.replaced' ? replaced.payload.current : undefined;
      // everyone's annotations move to the new version before the answer (issue 5: nothing
      // anyone wrote is lost; what cannot be placed stays, listed for its owner)
      if (replaced?.type === 'document.replaced' && deps.reanchor) {
        const outcome = await deps
          .reanchor({
            meetingId: log.id,
            documentId: params.documentId,
            fromSha: replaced.payload.previous.sha256,
            toSha: replaced.payload.current.sha256,
            actor: who,
          })
          .catch((err: unknown) => ({ ok: false as const, error: String(err) }));
        if (!outcome.ok) req.log.warn({ outcome }, 'annotations were not moved to the new version');
      }
      return reply.code(201).send({ document, rev: ack.rev });
    });
  });

  app.get('/api/meetings/:meetingId/files/:sha256', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(FileParams, req.params, reply);
    if (!params) return reply;
    const found = requireParticipant(
      meetings,
      who,
      params.meetingId,
      reply,
      'Only participants of this meeting can read its documents.',
    );
    if (!found) return reply;
    const { log, role } = found;
    // the current file or an older version of the document (kept for the record)
    const holders = Object.values(log.durable.documents).filter((d) =>
      d.versions.some((v) => v.sha256 === params.sha256),
    );
    if (holders.length === 0)
      return sendError(reply, appError('NOT_FOUND', 'This meeting has no such document.'));
    const doc = holders.find((d) => canSeeDocument(d, who.userId, role));
    if (!doc)
      return sendError(
        reply,
        appError('FORBIDDEN', 'This document is shared only with some participants, not you.'),
      );
    const version = doc.versions.find((v) => v.sha256 === params.sha256)!;
    const name = version.sha256 === doc.sha256 ? doc.name : versionName(doc.name, doc, version);
    return sendPdfBlob(req, reply, deps.blobDir, { sha256: version.sha256, name });
  });

  app.get('/api/meetings/:meetingId/audit', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(z.object({ meetingId: Id }), req.params, reply);
    if (!params) return reply;
    const log = meetings.get(params.meetingId);
    if (!log || !canOrganise(roleIn(log.durable, who)))
      return sendError(reply, appError('FORBIDDEN', 'Only the secretary can read the audit log.'));
    return { entries: await deps.readAudit(log.id) };
  });
}

/**
 * Receives one PDF upload (multipart field "file", see pdf-upload.ts): checks the
 * Idempotency-Key, then the file, stores it by SHA-256, then lets `use` record it.
 */
async function receiveUpload(
  deps: DocumentDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  use: (
    file: StoredPdf,
    idempotencyKey: string,
    fields: Record<string, string>,
  ) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  const keyHeader = req.headers['idempotency-key'];
  const key = keyHeader === undefined ? randomBytes(12).toString('base64url') : keyHeader;
  if (!IdempotencyKey.safeParse(key).success)
    return sendError(
      reply,
      appError('INVALID_PAYLOAD', 'Idempotency-Key must be 8-64 letters, digits, _ or -.'),
    );
  const received = await receivePdf(req, deps);
  if (!received.ok) return sendError(reply, received.error);
  deps.onStored?.(received.pdf.sha256);
  return use(received.pdf, String(key), received.fields);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An older version's download name: "Tờ trình (v1).pdf". */
function versionName(current: string, doc: DocumentInfo, version: DocumentVersion): string {
  const n = doc.versions.indexOf(version) + 1;
  const dot = current.toLowerCase().endsWith('.pdf') ? current.length - 4 : current.length;
  return `${current.slice(0, dot)} (v${n})${current.slice(dot)}`;
}
