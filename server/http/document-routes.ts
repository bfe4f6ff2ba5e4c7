// Documents over HTTP: upload to an agenda item, a new version of a document, and download by
// SHA-256 with ETag and ranges (only what the asker may see).
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFields } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parse as parseRange } from 'range-parser';
import { z } from 'zod';
import {
  appError,
  canOrganise,
  canSeeDocument,
  canSeeMeeting,
  DocumentAudienceSchema,
  DRAFT_MESSAGE,
  LIMITS,
  roleIn,
  Sha256,
  type DocumentInfo,
  type DocumentVersion,
} from '../../core/index.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { PdfChecker } from '../documents/pdf-check.ts';
import type { MeetingService } from '../meetings/service.ts';
import { fsyncDir } from '../store/durable-file.ts';
import { parseOr400, requireUser, sendError } from './common.ts';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const UploadParams = z.object({ meetingId: Id, itemId: Id });
const VersionParams = z.object({ meetingId: Id, documentId: Id });
const FileParams = z.object({ meetingId: Id, sha256: Sha256 });
const UploadAccess = z.strictObject({
  audience: DocumentAudienceSchema.optional(),
  label: z.string().trim().max(LIMITS.label).optional(),
});
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export interface DocumentDeps {
  accounts: AccountService;
  meetings: MeetingService;
  checker: PdfChecker;
  blobDir: string;
  tmpDir: string;
  maxUploadBytes: number;
  readAudit: (meetingId: string) => Promise<unknown[]>;
}

function cleanName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, LIMITS.name);
  return clean || 'document.pdf';
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
    return receivePdf(deps, req, reply, async (file, key, fields) => {
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
    return receivePdf(deps, req, reply, async (file, key) => {
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
      return reply.code(201).send({ document, rev: ack.rev });
    });
  });

  app.get('/api/meetings/:meetingId/files/:sha256', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(FileParams, req.params, reply);
    if (!params) return reply;
    const log = meetings.get(params.meetingId);
    const role = log ? roleIn(log.durable, who) : null;
    if (!log || !role)
      return sendError(
        reply,
        appError('FORBIDDEN', 'Only participants of this meeting can read its documents.'),
      );
    if (!canSeeMeeting(log.durable, role))
      return sendError(reply, appError('FORBIDDEN', DRAFT_MESSAGE));
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
    const etag = `"${version.sha256}"`;
    reply
      .header('ETag', etag)
      .header('Cache-Control', 'private, max-age=31536000, immutable')
      .header('Accept-Ranges', 'bytes')
      .header('Content-Type', 'application/pdf')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`);
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag))
      return reply.code(304).send();
    const file = join(deps.blobDir, version.sha256);
    const size = (await stat(file)).size;
    const range = req.headers.range ? parseRange(size, req.headers.range) : null;
    if (range && range.type === 'bytes' && range.code === 2 && range.ranges.length === 0) {
      return reply.code(416).header('Content-Range', `bytes */${size}`).send();
    }
    // one range is served as asked; a malformed header or several ranges get the whole file
    if (range && range.type === 'bytes' && range.code === 0 && range.ranges.length === 1) {
      const { start, end } = range.ranges[0]!;
      reply
        .code(206)
        .header('Content-Range', `bytes ${start}-${end}/${size}`)
        .header('Content-Length', end - start + 1);
      return reply.send(createReadStream(file, { start, end }));
    }
    reply.header('Content-Length', size);
    return reply.send(createReadStream(file));
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

/** A checked PDF: what `document.add` and `document.replace` need. */
export interface ReceivedPdf {
  name: string;
  sha256: string;
  size: number;
  pages: number;
}

/**
 * Receives one PDF upload (multipart field "file"): checks the Idempotency-Key, the size, that it
 * is a PDF that opens without a password, stores it by SHA-256, then lets `use` record it.
 */
async function receivePdf(
  deps: DocumentDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  use: (
    file: ReceivedPdf,
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

  const part = await req.file().catch(() => undefined);
  if (!part || part.fieldname !== 'file')
    return sendError(
      reply,
      appError('INVALID_PAYLOAD', 'Send the PDF as a multipart field named "file".'),
    );
  await mkdir(deps.tmpDir, { recursive: true });
  const tmp = join(deps.tmpDir, `${randomBytes(8).toString('hex')}.upload`);
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let size = 0;
  try {
    await pipeline(
      part.file,
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          if (head.length < 1024) head = Buffer.concat([head, chunk]).subarray(0, 1024);
          done(null, chunk);
        },
      }),
      createWriteStream(tmp),
    );
    if (part.file.truncated) {
      const mb = Math.floor(deps.maxUploadBytes / 1024 / 1024);
      return sendError(reply, appError('PAYLOAD_TOO_LARGE', `A document may be at most ${mb} MB.`));
    }
    if (size === 0 || !head.includes('%PDF-')) {
      return sendError(
        reply,
        appError(
          'UNSUPPORTED_FILE',
          `"${cleanName(part.filename)}" is not a PDF file. Only PDF documents can be added.`,
        ),
      );
    }
    const checked = await deps.checker.check(tmp);
    if (!checked.ok) {
      return sendError(
        reply,
        checked.reason === 'password'
          ? appError(
              'PASSWORD_PROTECTED',
              `"${cleanName(part.filename)}" is password-protected. Save a copy without a password and upload that.`,
            )
          : appError(
              'UNSUPPORTED_FILE',
              `"${cleanName(part.filename)}" could not be opened as a PDF; it may be damaged. Export it again and retry.`,
            ),
      );
    }
    const sha256 = hash.digest('hex');
    await storeBlob(tmp, join(deps.blobDir, sha256));
    return await use(
      { name: cleanName(part.filename), sha256, size, pages: checked.pages },
      String(key),
      textFields(part.fields),
    );
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** The text fields sent before the file. */
function textFields(fields: MultipartFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one?.type === 'field' && typeof one.value === 'string') out[name] = one.value;
  }
  return out;
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

/** Moves a checked upload into the content-addressed folder, durably; a twin is kept once. */
async function storeBlob(tmp: string, target: string): Promise<void> {
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists) return;
  const handle = await open(tmp, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, target);
  await fsyncDir(join(target, '..'));
}
