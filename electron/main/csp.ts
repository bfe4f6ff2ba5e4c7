// The Content-Security-Policy of every page and worker the app scheme serves. Only the app's own
// files run; the network is the app origin (HTTP goes through it, see api-proxy.ts) and the
// configured server's WebSocket.
import { webSocketOrigin } from '../../core/desktop.ts';

export function contentSecurityPolicy(serverOrigin: string | null): string {
  const connect = ["'self'", ...(serverOrigin ? [webSocketOrigin(serverOrigin)] : [])];
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
