// The projector link: the chair or the secretary makes a read-only token for the room's screen.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { appError, canRunMeeting, Id, roleIn } from '../../core/index.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { Clock, MeetingService } from '../meetings/service.ts';
import type { ProjectorTokens } from '../projector/tokens.ts';
import { parseOr400, requireUser, sendError } from './common.ts';

const Params = z.object({ meetingId: Id });

export interface ProjectorDeps {
  accounts: AccountService;
  meetings: MeetingService;
  projector: ProjectorTokens;
  clock: Clock;
}

export function registerProjectorRoutes(app: FastifyInstance, deps: ProjectorDeps): void {
  /** The caller's meeting, if they may run it; otherwise answers and returns null. */
  const runnable = (
    req: Parameters<typeof requireUser>[1],
    reply: Parameters<typeof requireUser>[2],
  ) => {
    const who = requireUser(deps.accounts, req, reply);
    if (!who) return null;
    const params = parseOr400(Params, req.params, reply);
    if (!params) return null;
    const log = deps.meetings.get(params.meetingId);
    const role = log ? roleIn(log.durable, who) : null;
    if (!log || role === null) {
      sendError(reply, appError('NOT_FOUND', 'There is no such meeting.'));
      return null;
    }
    if (!canRunMeeting(role)) {
      sendError(
        reply,
        appError('FORBIDDEN', 'Only the chair or the secretary makes the projector link.'),
      );
      return null;
    }
    return { who, log };
  };

  app.post('/api/meetings/:meetingId/projector', async (req, reply) => {
    const ok = runnable(req, reply);
    if (!ok) return reply;
    if (ok.log.durable.status === 'closed')
      return sendError(reply, appError('CONFLICT', 'The meeting is closed.'));
    const token = await deps.projector.issue(ok.log.id, ok.who.userId, deps.clock.now());
    return reply.code(201).send({ token, url: `/#/projector/${ok.log.id}/${token}` });
  });

  app.delete('/api/meetings/:meetingId/projector', async (req, reply) => {
    const ok = runnable(req, reply);
    if (!ok) return reply;
    await deps.projector.revoke(ok.log.id);
    return reply.code(204).send();
  });
}
