// PDF uploads and downloads shared by meeting documents and opinion forms: receive one multipart
// file, check it is a PDF that opens, keep it content-addressed; serve a blob with ETag and ranges.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFields } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parse as parseRange } from 'range-parser';
import { appError, LIMITS, type AppError } from '../../core/index.ts';
import type { PdfChecker } from '../documents/pdf-check.ts';
import { fsyncDir } from '../store/durable-file.ts';

export interface PdfUploadDeps {
  checker: PdfChecker;
  blobDir: string;
  tmpDir: string;
  maxUploadBytes: number;
}

export interface StoredPdf {
  name: string;
  sha256: string;
  size: number;
  pages: number;
}

export function cleanName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, LIMITS.name);
  return clean || 'document.pdf';
}

/**
 * Reads the request's multipart field "file", checks that it is a PDF that opens without a
 * password, and stores it durably under its SHA-256; the stored blob is on disk when this resolves.
 */
export async function receivePdf(
  req: FastifyRequest,
  deps: PdfUploadDeps,
): Promise<
  { ok: true; pdf: StoredPdf; fields: Record<string, string> } | { ok: false; error: AppError }
> {
  const part = await req.file().catch(() => undefined);
  if (!part || part.fieldname !== 'file')
    return {
      ok: false,
      error: appError('INVALID_PAYLOAD', 'Send the PDF as a multipart field named "file".'),
    };
  await mkdir(deps.tmpDir, { recursive: true });
  const tmp = join(deps.tmpDir, `${randomBytes(8).toString('hex')}.upload`);
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let size = 0;
  const name = cleanName(part.filename);
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
      return {
        ok: false,
        error: appError('PAYLOAD_TOO_LARGE', `A document may be at most ${mb} MB.`),
      };
    }
    if (size === 0 || !head.includes('%PDF-'))
      return {
        ok: false,
        error: appError(
          'UNSUPPORTED_FILE',
          `"${name}" is not a PDF file. Only PDF documents can be added.`,
        ),
      };
    const checked = await deps.checker.check(tmp);
    if (!checked.ok)
      return {
        ok: false,
        error:
          checked.reason === 'password'
            ? appError(
                'PASSWORD_PROTECTED',
                `"${name}" is password-protected. Save a copy without a password and upload that.`,
              )
            : appError(
                'UNSUPPORTED_FILE',
                `"${name}" could not be opened as a PDF; it may be damaged. Export it again and retry.`,
              ),
      };
    const sha256 = hash.digest('hex');
    await storeBlob(tmp, join(deps.blobDir, sha256));
    return {
      ok: true,
      pdf: { name, sha256, size, pages: checked.pages },
      fields: textFields(part.fields),
    };
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** The text fields sent before the file (e.g. the document's "access"). */
function textFields(fields: MultipartFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one?.type === 'field' && typeof one.value === 'string') out[name] = one.value;
  }
  return out;
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

/** Sends a stored PDF inline, cacheable forever (its name is its hash), honouring one range. */
export async function sendPdfBlob(
  req: FastifyRequest,
  reply: FastifyReply,
  blobDir: string,
  doc: { sha256: string; name: string },
): Promise<FastifyReply> {
  const etag = `"${doc.sha256}"`;
  reply
    .header('ETag', etag)
    .header('Cache-Control', 'private, max-age=31536000, immutable')
    .header('Accept-Ranges', 'bytes')
    .header('Content-Type', 'application/pdf')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.name)}`);
  if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return reply.code(304).send();
  const file = join(blobDir, doc.sha256);
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
}
