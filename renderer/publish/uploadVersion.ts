// Uploads a new version of a document (POST .../documents/:documentId/versions), the way the
// server takes a new document: multipart field "file", an Idempotency-Key so a retry is safe.
import type { DocumentInfo } from '../../core/index.ts';
import { ApiError } from '../api/http.ts';
import { platform } from '../platform.ts';
import { newCommandId } from '../sync/ids.ts';

export async function uploadVersion(
  meetingId: string,
  documentId: string,
  file: File,
): Promise<DocumentInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { 'idempotency-key': newCommandId() };
  const token = platform.getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const path = `/api/meetings/${encodeURIComponent(meetingId)}/documents/${encodeURIComponent(documentId)}/versions`;
  let res: Response;
  try {
    res = await fetch(platform.serverOrigin + path, { method: 'POST', headers, body: form });
  } catch (err) {
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err), 0, null);
  }
  const data = (await res.json().catch(() => null)) as {
    document?: DocumentInfo;
    error?: { code: ApiError['code']; message: string };
  } | null;
  if (!res.ok || !data?.document)
    throw new ApiError(
      data?.error?.code ?? 'INTERNAL',
      data?.error?.message ?? res.statusText,
      res.status,
      null,
    );
  return data.document;
}
