// The minutes as a PDF: GET /api/meetings/:meetingId/minutes.pdf?lang=vi|en. A draft is for the
// organisers and the chair; final minutes for every participant (core/minutes-rules.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  appError,
  canReadMinutes,
  canSeeMeeting,
  DRAFT_MESSAGE,
  draftMinutes,
  Id,
  MINUTES_LANGUAGES,
  roleIn,
} from '../../core/index.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { MeetingService } from '../meetings/service.ts';
import type { MinutesDocument } from '../../core/index.ts';
import { parseOr400, requireUser, sendError } from './common.ts';

const Params = z.object({ meetingId: Id });
const Query = z.object({ lang: z.enum(MINUTES_LANGUAGES).default('vi') });

export interface MinutesDeps {
  accounts: AccountService;
  meetings: MeetingService;
  /** Lays the minutes out as a PDF (in a worker thread: server/minutes/renderer.ts). */
  render: (doc: MinutesDocument) => Promise<Uint8Array>;
  /** IANA time zone of the minutes' times and dates; Viet Nam's when omitted. */
  timeZone?: string;
}

export function registerMinutesRoutes(app: FastifyInstance, deps: MinutesDeps): void {
  app.get('/api/meetings/:meetingId/minutes.pdf', async (req, reply) => {
    const who = requireUser(deps.accounts, req, reply);
    if (!who) return reply;
    const params = parseOr400(Params, req.params, reply);
    if (!params) return reply;
    const query = parseOr400(Query, req.query, reply);
    if (!query) return reply;
    const log = deps.meetings.get(params.meetingId);
    // what is on disk: the minutes never show a change the server has not acknowledged
    const state = log?.durable;
    const role = state ? roleIn(state, who) : null;
    if (!state || role === null)
      return sendError(reply, appError('NOT_FOUND', 'There is no such meeting.'));
    // a meeting still in draft is seen only by its organisers, its minutes likewise
    if (!canSeeMeeting(state, role)) return sendError(reply, appError('FORBIDDEN', DRAFT_MESSAGE));
    if (!canReadMinutes(state.minutes, role))
      return sendError(
        reply,
        appError(
          'FORBIDDEN',
          'The minutes are still a draft: only the secretary and the chair can read them until they are final.',
        ),
      );
    const doc = draftMinutes(state, query.lang, {
      timeZone: deps.timeZone,
      names: (id) => deps.accounts.displayName(id),
    });
    const pdf = await deps.render(doc);
    const name = query.lang === 'vi' ? 'bien-ban' : 'minutes';
    return reply
      .header('content-type', 'application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${name}-${state.id}.pdf"`)
      .send(Buffer.from(pdf));
  });
}
