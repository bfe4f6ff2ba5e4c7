// The HTTP API: JSON in and out, errors as { error: { code, message } } turned into ApiError.
import {
  SessionEndReasonSchema,
  type ErrorCode,
  type GlobalRole,
  type MeetingSummary,
  type SessionEndReason,
} from '../../core/index.ts';
import type { PackSearchResult } from '../../core/packSearch.ts';
import { platform } from '../platform.ts';

/** A server error code, or NETWORK when the server could not be reached at all. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  /** Seconds from the Retry-After header (429), else null. */
  readonly retryAfter: number | null;
  /** Why the session was refused (UNAUTHENTICATED), when the server said. */
  readonly reason: SessionEndReason | null;

  constructor(
    code: ApiErrorCode,
    message: string,
    status: number,
    retryAfter: number | null,
    reason: SessionEndReason | null = null,
  ) {
    super(message);
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
    this.reason = reason;
  }
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  globalRole: GlobalRole;
  /** Still on a one-time password: the server refuses everything else until it is changed. */
  mustChangePassword: boolean;
}

export interface Account extends User {
  active: boolean;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = platform.getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(platform.serverOrigin + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err), 0, null);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res, data);
  return data as T;
}

function toApiError(res: Response, data: unknown): ApiError {
  const error =
    typeof data === 'object' && data !== null && 'error' in data
      ? (data.error as { code?: string; message?: string; reason?: unknown })
      : {};
  const retry = Number(res.headers.get('retry-after'));
  const reason = SessionEndReasonSchema.safeParse(error.reason);
  return new ApiError(
    (error.code as ErrorCode | undefined) ?? 'INTERNAL',
    error.message ?? res.statusText,
    res.status,
    Number.isFinite(retry) && retry > 0 ? Math.ceil(retry) : null,
    reason.success ? reason.data : null,
  );
}

export const api = {
  login: (username: string, password: string) =>
    request<LoginResult>('POST', '/api/login', { username, password }),
  logout: () => request<void>('POST', '/api/logout'),
  me: () => request<{ user: User }>('GET', '/api/me'),
  changePassword: (oldPassword: string, newPassword: string) =>
    request<void>('POST', '/api/password', { oldPassword, newPassword }),
  meetings: () => request<{ meetings: MeetingSummary[] }>('GET', '/api/meetings'),
  /** Accounts to invite (a secretary gets the active ones). */
  accounts: () => request<{ accounts: Account[] }>('GET', '/api/accounts'),
  /** A read-only token for the room's big screen; `url` is `/#/projector/<meetingId>/<token>`. */
  projector: (meetingId: string) =>
    request<{ token: string; url: string }>(
      'POST',
      `/api/meetings/${encodeURIComponent(meetingId)}/projector`,
    ),
  revokeProjector: (meetingId: string) =>
    request<void>('DELETE', `/api/meetings/${encodeURIComponent(meetingId)}/projector`),
  /** Text search across every document of a meeting the user may see. */
  searchPack: (meetingId: string, q: string) =>
    request<PackSearchResult>(
      'GET',
      `/api/meetings/${encodeURIComponent(meetingId)}/search?q=${encodeURIComponent(q)}`,
    ),
};

/** Where a meeting document is served (a plain link works: the login also set a cookie). */
export function fileUrl(meetingId: string, sha256: string): string {
  return `${platform.serverOrigin}/api/meetings/${encodeURIComponent(meetingId)}/files/${sha256}`;
}

/** The meeting's minutes as a PDF in one language (a plain link works: the cookie carries the login). */
export function minutesPdfUrl(meetingId: string, lang: 'vi' | 'en'): string {
  return `${platform.serverOrigin}/api/meetings/${encodeURIComponent(meetingId)}/minutes.pdf?lang=${lang}`;
}
