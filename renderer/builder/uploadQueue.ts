// The upload queue as plain data: one entry per file, its progress, and why it was refused.
// A reducer, so the screen and the tests drive it the same way.

export const REFUSALS = ['notPdf', 'password', 'damaged', 'tooLarge', 'empty'] as const;
export type Refusal = (typeof REFUSALS)[number];

export type UploadStatus = 'queued' | 'uploading' | 'done' | 'refused' | 'failed' | 'cancelled';

export interface UploadEntry {
  key: string;
  itemId: string;
  name: string;
  size: number;
  /** Bytes sent so far. */
  loaded: number;
  status: UploadStatus;
  /** Why the file was refused (status `refused`). */
  refusal: Refusal | null;
  /** Error code of a failure that is not about the file (network, rights), for `failed`. */
  errorCode: string | null;
}

export type UploadAction =
  | { type: 'add'; key: string; itemId: string; name: string; size: number }
  | { type: 'start'; key: string }
  | { type: 'progress'; key: string; loaded: number }
  | { type: 'done'; key: string }
  | { type: 'refuse'; key: string; refusal: Refusal }
  | { type: 'fail'; key: string; errorCode: string }
  | { type: 'cancel'; key: string }
  | { type: 'dismiss'; key: string };

/** Files sent at once: more would only share the same link and the server's PDF checker. */
export const PARALLEL_UPLOADS = 2;

const FINISHED: readonly UploadStatus[] = ['done', 'refused', 'failed', 'cancelled'];

export function isFinished(entry: UploadEntry): boolean {
  return FINISHED.includes(entry.status);
}

export function uploadReducer(list: UploadEntry[], action: UploadAction): UploadEntry[] {
  if (action.type === 'add') {
    const entry: UploadEntry = {
      key: action.key,
      itemId: action.itemId,
      name: action.name,
      size: action.size,
      loaded: 0,
      status: 'queued',
      refusal: null,
      errorCode: null,
    };
    return [...list, entry];
  }
  if (action.type === 'dismiss') return list.filter((e) => e.key !== action.key);
  return list.map((e) => (e.key === action.key ? step(e, action) : e));
}

function step(e: UploadEntry, action: Exclude<UploadAction, { type: 'add' | 'dismiss' }>) {
  // a finished entry stays as it ended: a late progress event cannot revive a cancelled upload
  if (isFinished(e)) return e;
  switch (action.type) {
    case 'start':
      return { ...e, status: 'uploading' as const };
    case 'progress':
      return { ...e, loaded: Math.min(Math.max(action.loaded, e.loaded), e.size) };
    case 'done':
      return { ...e, status: 'done' as const, loaded: e.size };
    case 'refuse':
      return { ...e, status: 'refused' as const, refusal: action.refusal };
    case 'fail':
      return { ...e, status: 'failed' as const, errorCode: action.errorCode };
    case 'cancel':
      return { ...e, status: 'cancelled' as const };
  }
}

/** The queued entries that may start now, oldest first. */
export function readyToStart(list: UploadEntry[], limit = PARALLEL_UPLOADS): UploadEntry[] {
  const running = list.filter((e) => e.status === 'uploading').length;
  return list.filter((e) => e.status === 'queued').slice(0, Math.max(0, limit - running));
}

/** Whole percent sent, 0-100. */
export function percent(entry: UploadEntry): number {
  if (entry.status === 'done') return 100;
  return entry.size > 0 ? Math.floor((entry.loaded / entry.size) * 100) : 0;
}

/** The refusal a server error stands for; null when the error is not about the file itself. */
export function refusalOf(code: string, httpStatus: number): Refusal | null {
  if (code === 'PASSWORD_PROTECTED') return 'password';
  if (code === 'UNSUPPORTED_FILE') return 'damaged';
  if (code === 'PAYLOAD_TOO_LARGE' || httpStatus === 413) return 'tooLarge';
  return null;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** The server's own first check: "%PDF-" within the first 1024 bytes. Saves sending the file. */
export function looksLikePdf(head: Uint8Array): boolean {
  const end = Math.min(head.length, 1024) - PDF_MAGIC.length;
  for (let i = 0; i <= end; i++) {
    if (PDF_MAGIC.every((b, j) => head[i + j] === b)) return true;
  }
  return false;
}
