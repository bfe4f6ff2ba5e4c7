// The app:// scheme: serves the built renderer (dist/renderer) with the CSP, and hands /api/* to
// the proxy. Registered as privileged (standard, secure) so the page gets a real origin, fetch
// works and pdf.js module workers load, which file:// would not allow.
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    stream: true,
    codeCache: true,
  },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ftl': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path names, or null for anything that could leave `root`:
 * `..` (also percent-encoded), backslashes, NUL, encoded slashes. "/" is index.html.
 */
export function resolveAssetPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (/[\\\0]/.test(decoded) || /%2f|%5c/i.test(pathname)) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || s.includes(':'))) return null; // C:, streams
  if (segments.length === 0) segments.push('index.html');
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file.startsWith(base + sep) ? file : null;
}

export interface AppHandlerDeps {
  root: string;
  csp: () => string;
  api: (request: Request) => Promise<Response>;
  read?: (file: string) => Promise<Uint8Array>;
}

export function createAppHandler(deps: AppHandlerDeps): (request: Request) => Promise<Response> {
  const read = deps.read ?? ((file: string) => readFile(file));
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return text(404, 'Not found');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return deps.api(request);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return text(405, 'Method not allowed');
    const file = resolveAssetPath(deps.root, url.pathname);
    if (!file) return text(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return text(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': deps.csp(),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
