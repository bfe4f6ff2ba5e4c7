// Documents over HTTP: upload to an agenda item, and download by SHA-256 with ETag and ranges.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { parse as parseRange } from 'range-parser';
import { z } from 'zod';
import { appError, canOrganise, LIMITS, roleIn, Sha256 } from '../../core/index.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { PdfChecker } from '../documents/pdf-check.ts';
import type { MeetingService } from '../meetings/service.ts';
import { fsyncDir } from '../store/durable-file.ts';
import { parseOr400, requireUser, sendError } from './common.ts';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const UploadParams = z.object({ meetingId: Id, itemId: Id });
const FileParams = z.object({ meetingId: Id, sha256: Sha256 });
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export interface DocumentDeps {
  accounts: AccountService;
  meetings: MeetingService;
  checker: PdfChecker;
  blobDir: string;
  tmpDir: string;
  maxUploadBytes: number;
  readAudit: (meetingId: string) => Promise<unknown[]>;
  /** Told once a checked document is stored (search reads its text then). */
  onStored?: (sha256: string) => void;
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
        return sendError(
          reply,
          appError('PAYLOAD_TOO_LARGE', `A document may be at most ${mb} MB.`),
        );
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
      deps.onStored?.(sha256);
      const ack = await meetings.execute(
        log.id,
        String(key),
        {
          type: 'document.add',
          payload: {
            itemId: params.itemId,
            name: cleanName(part.filename),
            sha256,
            size,
            pages: checked.pages,
          },
        },
        who,
      );
      if (!ack.ok) return sendError(reply, ack.error);
      const added = log.recent.find((e) => e.rev === ack.rev && e.type === 'document.added');
      const document = added?.type === 'document.added' ? added.payload.document : undefined;
      return reply.code(201).send({ document, rev: ack.rev });
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
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
    const etag = `"${doc.sha256}"`;
    reply
      .header('ETag', etag)
      .header('Cache-Control', 'private, max-age=31536000, immutable')
      .header('Accept-Ranges', 'bytes')
      .header('Content-Type', 'application/pdf')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.name)}`);
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag))
      return reply.code(304).send();
    const file = join(deps.blobDir, doc.sha256);
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
