// One PDF upload over XMLHttpRequest: fetch() reports no upload progress, XHR does.
import { platform } from '../platform.ts';
import { newCommandId } from '../sync/ids.ts';

export type UploadResult =
  | { ok: true }
  | { ok: false; code: string; message: string; status: number }
  | { ok: false; code: 'CANCELLED'; message: string; status: 0 };

export interface RunningUpload {
  done: Promise<UploadResult>;
  cancel: () => void;
}

export function uploadUrl(meetingId: string, itemId: string): string {
  const m = encodeURIComponent(meetingId);
  return `${platform.serverOrigin}/api/meetings/${m}/items/${encodeURIComponent(itemId)}/documents`;
}

export function uploadPdf(
  meetingId: string,
  itemId: string,
  file: File,
  onProgress: (loaded: number) => void,
): RunningUpload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult>((resolve) => {
    xhr.open('POST', uploadUrl(meetingId, itemId));
    const token = platform.getToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    // a retried request with the same key is applied once by the server
    xhr.setRequestHeader('idempotency-key', newCommandId());
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true });
      const error = parseError(xhr.responseText);
      resolve({ ok: false, status: xhr.status, ...error });
    };
    xhr.onerror = () =>
      resolve({
        ok: false,
        code: 'NETWORK',
        message: 'The server could not be reached.',
        status: 0,
      });
    xhr.onabort = () => resolve({ ok: false, code: 'CANCELLED', message: '', status: 0 });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}

function parseError(text: string): { code: string; message: string } {
  try {
    const data = JSON.parse(text) as { error?: { code?: string; message?: string } };
    return { code: data.error?.code ?? 'INTERNAL', message: data.error?.message ?? '' };
  } catch {
    return { code: 'INTERNAL', message: text.slice(0, 200) };
  }
}

/** The first bytes of a file, to check it is a PDF before sending it. */
export async function headOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, 1024).arrayBuffer());
}
