// The browser app's service worker: the app itself and the meeting packs, offline.
// - The app shell (index.html and every built file, listed in precache.json) is stored when the
//   worker installs, so a reload with no network still starts the app.
// - A document (GET /api/meetings/:id/files/:sha256) already in the meeting-pack cache (see
//   cache/browserCache.ts, which checked its SHA-256 when it stored it) is answered from there,
//   with range requests, so it opens at once and with no network; otherwise it goes to the server.
// - Everything else (the API, the socket) goes to the network untouched.
// Self-contained (no imports): it is built to /sw.js as one classic script.

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response> | Response): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const sw = self as unknown as WorkerScope;

/** The build writes its version into precache.json; a new build gets a new shell cache. */
const SHELL_PREFIX = 'ecab-shell-';
/** Must match cache/browserCache.ts. */
const DOCUMENTS = 'ecab-documents-v1';
const DOCUMENT_KEY = 'https://documents.ecabinet.invalid/blob/';
const FILE_PATH = /\/api\/meetings\/[A-Za-z0-9_-]{1,64}\/files\/([a-f0-9]{64})$/;

interface Precache {
  version: string;
  files: string[];
}

const scope = new URL('./', sw.location.href);
const shellName = (version: string) => `${SHELL_PREFIX}${version}`;

async function readPrecache(): Promise<Precache> {
  const res = await fetch(new URL('precache.json', scope), { cache: 'no-store' });
  if (!res.ok) throw new Error(`precache.json: HTTP ${res.status}`);
  return (await res.json()) as Precache;
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const { version, files } = await readPrecache();
      const cache = await caches.open(shellName(version));
      await cache.addAll(['./', ...files].map((f) => new URL(f, scope).href));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // keep only the newest shell: the one whose index.html was stored last
      const names = (await caches.keys()).filter((n) => n.startsWith(SHELL_PREFIX));
      const current = await readPrecache().then(
        (p) => shellName(p.version),
        () => null,
      );
      if (current && names.includes(current))
        await Promise.all(names.filter((n) => n !== current).map((n) => caches.delete(n)));
      await sw.clients.claim();
    })(),
  );
});

async function fromShell(request: Request): Promise<Response | undefined> {
  for (const name of (await caches.keys()).filter((n) => n.startsWith(SHELL_PREFIX))) {
    const hit = await (await caches.open(name)).match(request, { ignoreSearch: true });
    if (hit) return hit;
  }
  return undefined;
}

/** The page: the network first (a new version shows at once), the stored shell when offline. */
async function navigate(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (err) {
    const shell = await fromShell(new Request(new URL('./', scope).href));
    if (shell) return shell;
    throw err;
  }
}

/** One "bytes=a-b" range of a stored document, as the server would answer it. */
function ranged(body: Blob, header: string | null): Response {
  const size = body.size;
  const base = { 'content-type': 'application/pdf', 'accept-ranges': 'bytes' };
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === ''))
    return new Response(body, { headers: { ...base, 'content-length': String(size) } });
  let start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  let end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start > end || start >= size) {
    return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
  }
  start = Math.max(0, start);
  end = Math.max(start, end);
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: {
      ...base,
      'content-length': String(end - start + 1),
      'content-range': `bytes ${start}-${end}/${size}`,
    },
  });
}

async function storedDocument(request: Request, sha: string): Promise<Response> {
  const stored = await (await caches.open(DOCUMENTS)).match(DOCUMENT_KEY + sha);
  if (!stored) return fetch(request);
  return ranged(await stored.blob(), request.headers.get('range'));
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  const file = FILE_PATH.exec(url.pathname);
  if (file) return event.respondWith(storedDocument(request, file[1]!));
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')) return;
  if (request.mode === 'navigate') return event.respondWith(navigate(request));
  event.respondWith(fromShell(request).then((hit) => hit ?? fetch(request)));
});
