// Checks a server address before it is remembered: GET <origin>/api/info must answer as an
// eCabinet server speaking this app's protocol version.
import type { ServerCheck } from '../../core/desktop.ts';
import { judgeServerInfo, normaliseServerAddress } from '../../core/desktop.ts';
import { PROTOCOL_VERSION } from '../../core/protocol.ts';

export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

export async function checkServer(
  fetchFn: FetchLike,
  address: string,
  timeoutMs = 8000,
): Promise<ServerCheck> {
  const origin = normaliseServerAddress(address);
  if (!origin)
    return {
      ok: false,
      problem: 'INVALID_ADDRESS',
      detail: 'Type an address like https://192.168.1.20:8443 (no path).',
    };
  let res: Response;
  try {
    res = await fetchFn(`${origin}/api/info`, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    // refused, timed out, or a certificate the device does not trust
    return {
      ok: false,
      problem: 'UNREACHABLE',
      detail: err instanceof Error ? err.message : String(err),
    };
  }
  if (!res.ok)
    return {
      ok: false,
      problem: 'NOT_ECABINET',
      detail: `${origin}/api/info answered ${res.status}.`,
    };
  const info: unknown = await res.json().catch(() => null);
  return judgeServerInfo(origin, info, PROTOCOL_VERSION);
}
