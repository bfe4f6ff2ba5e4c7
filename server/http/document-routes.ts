// Documents over HTTP: upload to an agenda item, and download by SHA-256 with ETag and ranges.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { appError, canOrganise, roleIn, Sha256 } from '../../core/index.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { MeetingService } from '../meetings/service.ts';
import { parseOr400, requireUser, sendError } from './common.ts';
import { receivePdf, sendPdfBlob, type PdfUploadDeps } from './pdf-upload.ts';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const UploadParams = z.object({ meetingId: Id, itemId: Id });
const FileParams = z.object({ meetingId: Id, sha256: Sha256 });
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export interface DocumentDeps extends PdfUploadDeps {
  accounts: AccountService;
  meetings: MeetingService;
  readAudit: (meetingId: string) => Promise<unknown[]>;
  /** Told once a checked document is stored (search reads its text then). */
  onStored?: (sha256: string) => void;
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
    const ack = await meetings.execute(
      log.id,
      String(key),
      { type: 'document.add', payload: { itemId: params.itemId, ...received.pdf } },
      who,
    );
    if (!ack.ok) return sendError(reply, ack.error);
    const added = log.recent.find((e) => e.rev === ack.rev && e.type === 'document.added');
    const document = added?.type === 'document.added' ? added.payload.document : undefined;
    return reply.code(201).send({ document, rev: ack.rev });
  });

  app.get('/api/meetings/:meetingId/files/:sha256', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(FileParams, req.params, reply);
    if (!params) return reply;
    const log = meetings.get(params.meetingId);
    if (!log || !roleIn(log.durable, who))
      return sendError(
        reply,
        appError('FORBIDDEN', 'Only participants of this meeting can read its documents.'),
      );
    const doc = Object.values(log.durable.documents).find((d) => d.sha256 === params.sha256);
    if (!doc) return sendError(reply, appError('NOT_FOUND', 'This meeting has no such document.'));
    return sendPdfBlob(req, reply, deps.blobDir, doc);
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
