// Votes over the socket: `vote:status` requests, and `vote:tally` messages cut per viewer.
import { z } from 'zod';
import {
  appError,
  canSeeLiveCounts,
  roleIn,
  ROLES,
  VoteStatusRequestSchema,
  type TallyMessage,
  type Vote,
} from '../../core/index.ts';
import type { MeetingService } from '../meetings/service.ts';
import type { BallotService } from '../votes/ballot-service.ts';
import { meetingRoom, roleRoom, type IoServer, type IoSocket } from './io.ts';

export function registerVoteStatus(
  socket: IoSocket,
  deps: { meetings: () => MeetingService; ballots: () => BallotService },
): void {
  socket.on('vote:status', (req, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = VoteStatusRequestSchema.safeParse(req);
    if (!parsed.success)
      return ack({ ok: false, error: appError('INVALID_PAYLOAD', z.prettifyError(parsed.error)) });
    const { meetingId, voteId } = parsed.data;
    const m = deps.meetings().get(meetingId);
    const { actor, projector } = socket.data;
    const role = m && !projector ? roleIn(m.durable, actor) : null;
    if (!m || (role === null && projector !== meetingId))
      return ack({ ok: false, error: appError('NOT_FOUND', 'There is no such meeting.') });
    ack(deps.ballots().status(m, voteId, { userId: projector ? '' : actor.userId, role }));
  });
}

/** Sends a vote's tally to its meeting: with counts to those who may see them, without to others. */
export function sendTally(io: IoServer, vote: Vote, msg: TallyMessage): void {
  const { counts: _counts, ...bare } = msg;
  const room = meetingRoom(msg.meetingId);
  const seeing = ROLES.filter((r) => canSeeLiveCounts(vote, r));
  if (seeing.length === ROLES.length && canSeeLiveCounts(vote, null)) {
    io.to(room).emit('vote:tally', msg);
  } else if (seeing.length === 0) {
    io.to(room).emit('vote:tally', bare);
  } else {
    const rooms = seeing.map((r) => roleRoom(msg.meetingId, r));
    io.to(rooms).emit('vote:tally', msg);
    // projectors sit in no role room: they get the message without counts
    io.to(room).except(rooms).emit('vote:tally', bare);
  }
}
