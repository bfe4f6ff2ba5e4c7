// Shared HTTP helpers: who is asking, and errors in the one shape every client understands.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { prettifyError } from 'zod';
import {
  appError,
  canSeeMeeting,
  DRAFT_MESSAGE,
  roleIn,
  sessionRefusal,
  type Actor,
  type AppError,
  type ErrorCode,
  type Role,
} from '../../core/index.ts';
import { PASSWORD_CHANGE_REQUIRED, type AccountService } from '../auth/accounts.ts';
import type { MeetingLog } from '../meetings/meeting-log.ts';
import type { MeetingService } from '../meetings/service.ts';

export const SESSION_COOKIE = 'ecab_session';

const STATUS: Record<ErrorCode, number> = {
  PROTOCOL_MISMATCH: 426,
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  INVALID_PAYLOAD: 400,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNSUPPORTED_FILE: 422,
  PASSWORD_PROTECTED: 422,
  INTERNAL: 500,
};

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.code(STATUS[error.code]).send({ error });
}

export function tokenOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookie = req.headers.cookie ?? '';
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export interface RequireUserOptions {
  /** Let in an account that must still replace its one-time password (`/api/me`, `/api/password`). */
  beforePasswordChange?: boolean;
}

/**
 * The authenticated caller, or null after answering 401 — or 403 PASSWORD_CHANGE_REQUIRED for an
 * account still on a one-time password, unless the route lets it in.
 */
export function requireUser(
  accounts: AccountService,
  req: FastifyRequest,
  reply: FastifyReply,
  opts: RequireUserOptions = {},
) {
  const token = tokenOf(req);
  const who = accounts.authenticate(token);
  if (!who) {
    // why, when the server can tell: the device decides from it what it keeps (§2.3)
    const reason = accounts.refusalReason(token);
    sendError(
      reply,
      sessionRefusal('Please log in; your session is missing or has ended.', reason),
    );
    return null;
  }
  if (who.account.mustChangePassword && !opts.beforePasswordChange) {
    sendError(reply, PASSWORD_CHANGE_REQUIRED);
    return null;
  }
  return who;
}

/** Parses a body or params with a schema, or answers 400 and returns null. */
export function parseOr400<T extends z.ZodType>(
  schema: T,
  value: unknown,
  reply: FastifyReply,
): z.infer<T> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  sendError(reply, appError('INVALID_PAYLOAD', prettifyError(parsed.error)));
  return null;
}

/**
 * The meeting and the asker's role in it; or, having sent the error, null: not a participant
 * (`notParticipant` says what they may not do), or a draft that only its organisers see yet.
 */
export function requireParticipant(
  meetings: MeetingService,
  who: Actor,
  meetingId: string,
  reply: FastifyReply,
  notParticipant: string,
): { log: MeetingLog; role: Role } | null {
  const log = meetings.get(meetingId);
  const role = log ? roleIn(log.durable, who) : null;
  if (!log || !role) {
    sendError(reply, appError('FORBIDDEN', notParticipant));
    return null;
  }
  if (!canSeeMeeting(log.durable, role)) {
    sendError(reply, appError('FORBIDDEN', DRAFT_MESSAGE));
    return null;
  }
  return { log, role };
}
