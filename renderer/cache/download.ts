// Fetches one meeting document's bytes from the server, with the session token.
import { platform } from '../platform.ts';

export async function downloadDocument(
  meetingId: string,
  sha256: string,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const token = platform.getToken();
  const res = await fetch(
    `${platform.serverOrigin}/api/meetings/${encodeURIComponent(meetingId)}/files/${sha256}`,
    { headers: token ? { authorization: `Bearer ${token}` } : {}, signal },
  );
  if (!res.ok) throw new Error(`The server answered ${res.status} for document ${sha256}.`);
  return new Uint8Array(await res.arrayBuffer());
}
