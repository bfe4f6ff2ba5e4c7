// app://ecabinet/api/* is forwarded to the configured server by main, so the renderer's HTTP stays
// same-origin (no CORS needed on the server) and main sees each answer: a good one proves the
// device reached the server (offline lock), a refused session wipes that account's packs, unless
// the server says it merely expired or was revoked (then the token goes and the packs stay).
// A document already on the device is served from the disk cache, so it opens with no network.
import type { DocumentCache } from '../../core/document-cache.ts';
import { isSha256 } from '../../core/document-cache.ts';
import type { OfflineLock } from './offline-lock.ts';
import type { FetchLike } from './server-check.ts';
import type { StoredSession } from './token-store.ts';

export interface ApiProxyDeps {
  fetch: FetchLike;
  serverOrigin: () => string | null;
  session: {
    current(): StoredSession | null;
    /** The remote wipe: forget the token and the account's packs. */
    refused(): Promise<void>;
    /** Forget the token, keep the packs (the same account will sign in again). */
    expired(): Promise<void>;
  };
  lock: OfflineLock;
  cache: DocumentCache;
  log?: (msg: string) => void;
}

const FILE_PATH = /^\/api\/meetings\/[A-Za-z0-9_-]{1,64}\/files\/([a-f0-9]{64})$/;
/** Headers of the renderer's request that are not passed on (the server is another origin). */
const DROPPED = ['host', 'origin', 'referer', 'cookie', 'connection', 'content-length'];

export function createApiProxy(deps: ApiProxyDeps): (request: Request) => Promise<Response> {
  const log = deps.log ?? (() => undefined);
  return async (request) => {
    const origin = deps.serverOrigin();
    if (!origin) return problem(503, 'No eCabinet server is configured on this device.');
    const url = new URL(request.url);
    const session = deps.session.current();

    const file = request.method === 'GET' ? FILE_PATH.exec(url.pathname) : null;
    if (file?.[1] && isSha256(file[1]) && !deps.lock.isLocked()) {
      const bytes = await deps.cache.get(file[1]);
      if (bytes) return pdf(bytes);
    }

    const headers = new Headers(request.headers);
    for (const name of DROPPED) headers.delete(name);
    // a document window (a plain link) carries no token: main adds the session's
    if (file && !headers.has('authorization') && session)
      headers.set('authorization', `Bearer ${session.token}`);
    const body =
      request.method === 'GET' || request.method === 'HEAD'
        ? undefined
        : await request.arrayBuffer();
    const res = await deps.fetch(new URL(url.pathname + url.search, origin).href, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
    });

    const sentOurs = !!session && headers.get('authorization') === `Bearer ${session.token}`;
    if (res.ok && (sentOurs || url.pathname === '/api/login')) await deps.lock.markContact();
    if (res.status === 401 && sentOurs) {
      const reason = await refusalReason(res);
      if (reason === 'expired' || reason === 'revoked') {
        log(`the session ${reason} (${url.pathname}): forgetting the token, keeping the packs`);
        await deps.session.expired();
      } else {
        // disabled, logged out, or the server cannot say: the packs are only copies of its files
        log(`the server refused the session (${url.pathname}): wiping this account's packs`);
        await deps.session.refused();
      }
    }
    return res;
  };
}

/** The `reason` of a 401's `{ error }` body (docs/protocol.md §2.3), read from a copy. */
async function refusalReason(res: Response): Promise<string | null> {
  try {
    const body = (await res.clone().json()) as { error?: { reason?: unknown } } | null;
    const reason = body?.error?.reason;
    return typeof reason === 'string' ? reason : null;
  } catch {
    return null;
  }
}

function pdf(bytes: Uint8Array): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(bytes.byteLength),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-ecabinet-source': 'device',
    },
  });
}

function problem(status: number, message: string): Response {
  return Response.json({ error: { code: 'INTERNAL', message } }, { status });
}
