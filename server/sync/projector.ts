// The projector's socket: a meeting's read-only token instead of a session. It may join that
// meeting only, sees what a participant sees of it (live counts only when a vote shows them to
// all), and sends no commands.
import { appError, type AppError } from '../../core/index.ts';
import type { MeetingService } from '../meetings/service.ts';
import type { ProjectorTokens } from '../projector/tokens.ts';
import { projectorRoom, type IoServer, type SocketData } from './io.ts';

export const PROJECTOR_READ_ONLY = appError('FORBIDDEN', 'The projector view is read-only.');

/** The socket data for a projector token, or the error that refuses the handshake. */
export function projectorHandshake(
  token: string,
  tokens: ProjectorTokens,
  meetings: MeetingService,
): SocketData | AppError {
  const meetingId = tokens.meetingOf(token);
  const m = meetingId === null ? undefined : meetings.get(meetingId);
  if (!m || m.durable.status === 'closed')
    return appError(
      'UNAUTHENTICATED',
      'This projector link is no longer valid; ask for a new one.',
    );
  return {
    actor: { userId: `projector:${m.id}`, globalRole: 'member' },
    tokenHash: '',
    meetings: new Set(),
    projector: m.id,
  };
}

/** Disconnects a meeting's projectors (token revoked or replaced, meeting closed). */
export function disconnectProjectors(io: IoServer, meetingId: string): void {
  io.in(projectorRoom(meetingId)).disconnectSockets(true);
}
