// The payload schema of every desktop IPC channel. Main parses each call with these before it
// does anything: types alone are not validation, and the renderer shows web content.
import { z } from 'zod';
import { DESKTOP_CHANNELS, type DesktopChannel } from './desktop.ts';
import { SHA256_PATTERN } from './document-cache.ts';

/** Larger than any document the server accepts (its limit is configurable, 200 MB by default). */
export const MAX_DOCUMENT_BYTES = 1024 * 1024 * 1024;

const None = z.undefined();
const Sha = z.strictObject({ sha256: z.string().regex(SHA256_PATTERN) });
const Id = z.string().min(1).max(200);
const Pack = z.strictObject({ account: Id, meetingId: Id });
const Address = z.strictObject({ address: z.string().min(1).max(300) });

export const DESKTOP_PAYLOADS = {
  [DESKTOP_CHANNELS.serverGet]: None,
  [DESKTOP_CHANNELS.serverCheck]: Address,
  [DESKTOP_CHANNELS.serverSet]: Address,
  [DESKTOP_CHANNELS.sessionLoad]: None,
  [DESKTOP_CHANNELS.sessionSave]: z.strictObject({
    token: z.string().regex(/^[A-Za-z0-9._~+/=-]{16,512}$/),
    account: Id,
  }),
  [DESKTOP_CHANNELS.sessionEnd]: None,
  [DESKTOP_CHANNELS.sessionForget]: None,
  [DESKTOP_CHANNELS.cacheGet]: Sha,
  [DESKTOP_CHANNELS.cacheHas]: Sha,
  [DESKTOP_CHANNELS.cachePut]: z.strictObject({
    sha256: z.string().regex(SHA256_PATTERN),
    bytes: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength <= MAX_DOCUMENT_BYTES, 'the document is too large'),
    pack: Pack,
  }),
  [DESKTOP_CHANNELS.cacheClaim]: z.strictObject({
    sha256: z.string().regex(SHA256_PATTERN),
    pack: Pack,
  }),
  [DESKTOP_CHANNELS.cacheDelete]: Sha,
  [DESKTOP_CHANNELS.cacheList]: None,
  [DESKTOP_CHANNELS.cacheUsage]: None,
  [DESKTOP_CHANNELS.cacheNotePack]: z.strictObject({ pack: Pack, closed: z.boolean() }),
  [DESKTOP_CHANNELS.cacheEvict]: None,
  [DESKTOP_CHANNELS.cacheWipeAccount]: z.strictObject({ account: Id }),
  [DESKTOP_CHANNELS.cacheWipe]: None,
  [DESKTOP_CHANNELS.cacheStatus]: None,
} satisfies Record<DesktopChannel, z.ZodType>;

export type DesktopPayloads = typeof DESKTOP_PAYLOADS;
export type PayloadOf<C extends DesktopChannel> = z.infer<DesktopPayloads[C]>;
