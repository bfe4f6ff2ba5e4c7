// The Socket.IO side of the protocol: handshake checks, join with catch-up, commands, delivery.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import {
  appError,
  canSeeMeeting,
  ClientCommandSchema,
  CommandEnvelopeSchema,
  DRAFT_MESSAGE,
  eventsFor,
  JoinRequestSchema,
  LeaveRequestSchema,
  LIMITS,
  MAX_CATCH_UP_EVENTS,
  PROTOCOL_VERSION,
  ROLES,
  roleIn,
  sessionRefusal,
  viewFor,
  type AppError,
  type EventBody,
  type EventsMessage,
  type JoinAck,
  type MeetingEvent,
  type TallyMessage,
  type Vote,
} from '../../core/index.ts';
import { PASSWORD_CHANGE_REQUIRED, type AccountService } from '../auth/accounts.ts';
import type { MeetingLog } from '../meetings/meeting-log.ts';
import type { Clock } from '../meetings/service.ts';
import type { MeetingService } from '../meetings/service.ts';
import type { ProjectorTokens } from '../projector/tokens.ts';
import type { BallotService } from '../votes/ballot-service.ts';
import {
  ADMINS_ROOM,
  meetingRoom,
  projectorRoom,
  roleRoom,
  sessionRoom,
  userInMeetingRoom,
  userRoom,
  type IoServer,
  type IoSocket,
} from './io.ts';
import { disconnectProjectors, PROJECTOR_READ_ONLY, projectorHandshake } from './projector.ts';
import { PresenterRelay, registerPresenter } from './presenter.ts';
import { audienceCuts } from './audience.ts';
import { sendPreview } from './preview.ts';
import { registerVoteStatus, sendTally } from './vote-socket.ts';

class HandshakeError extends Error {
  data: AppError;
  constructor(error: AppError) {
    super(error.code);
    this.data = error;
  }
}

export function createSocketServer(
  httpServer: HttpServer,
  deps: {
    accounts: AccountService;
    meetings: () => MeetingService;
    ballots: () => BallotService;
    projector: ProjectorTokens;
    clock: Clock;
    corsOrigin?: string[];
  },
): {
  io: IoServer;
  deliver: (log: MeetingLog, fromRev: number, events: MeetingEvent[]) => void;
  sendTally: (vote: Vote, msg: TallyMessage) => void;
  preview: (log: MeetingLog, events: EventBody[], fromSocketId?: string) => void;
} {
  const io: IoServer = new Server(httpServer, {
    // larger than any valid message, so that an oversized one is answered, not dropped
    maxHttpBufferSize: 1024 * 1024,
    serveClient: false,
    cors: deps.corsOrigin ? { origin: deps.corsOrigin } : undefined,
  });
  const presenter = new PresenterRelay(io);

  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    if (auth.protocol !== PROTOCOL_VERSION) {
      return next(
        new HandshakeError(
          appError(
            'PROTOCOL_MISMATCH',
            `This app speaks protocol ${String(auth.protocol)}, the server ${PROTOCOL_VERSION}. Please update the app.`,
          ),
        ),
      );
    }
    if (typeof auth.projector === 'string') {
      const data = projectorHandshake(auth.projector, deps.projector, deps.meetings());
      if ('code' in data) return next(new HandshakeError(data));
      socket.data = data;
      return next();
    }
    const token = typeof auth.token === 'string' ? auth.token : null;
    const who = deps.accounts.authenticate(token);
    if (!who) {
      const reason = deps.accounts.refusalReason(token);
      const refused = sessionRefusal('Your session has ended. Please log in again.', reason);
      return next(new HandshakeError(refused));
    }
    if (who.account.mustChangePassword) return next(new HandshakeError(PASSWORD_CHANGE_REQUIRED));
    socket.data = {
      actor: { userId: who.userId, globalRole: who.globalRole },
      tokenHash: who.tokenHash,
      meetings: new Set(),
    };
    next();
  });

  io.on('connection', (socket) => {
    const projector = socket.data.projector;
    const rooms = projector
      ? [projectorRoom(projector)]
      : [userRoom(socket.data.actor.userId), sessionRoom(socket.data.tokenHash)];
    if (socket.data.actor.globalRole === 'admin') rooms.push(ADMINS_ROOM);
    void socket.join(rooms);
    if (!projector) scheduleExpiry(socket, deps.accounts, deps.clock);
    registerVoteStatus(socket, deps);
    if (!projector) registerPresenter(socket, deps.meetings, presenter);
    socket.on('meeting:join', (req, ack) => {
      if (typeof ack !== 'function') return;
      const res = join(socket, deps.meetings(), req);
      ack(res);
      const at = res.ok ? presenter.latest(res.meetingId) : null;
      if (at) socket.emit('presenter:moved', at);
    });
    socket.on('meeting:leave', (req, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = LeaveRequestSchema.safeParse(req);
      if (!parsed.success) return ack({ ok: false, error: invalid(parsed.error) });
      leave(socket, parsed.data.meetingId);
      ack({ ok: true });
    });
    socket.on('command', (envelope, ack) => {
      if (typeof ack !== 'function') return;
      runCommand(socket, deps.meetings(), envelope).then(ack, () =>
        ack({ ok: false, error: appError('INTERNAL', 'The server failed on this command.') }),
      );
    });
  });

  deps.accounts.onSessionEnded.add((userId, tokenHash, reason) => {
    const room = tokenHash ? sessionRoom(tokenHash) : userRoom(userId);
    io.to(room).emit('session:ended', {
      code: 'UNAUTHENTICATED',
      message: 'Your session has ended. Please log in again.',
      reason,
    });
    io.in(room).disconnectSockets(true);
  });
  deps.projector.onRevoked.add((meetingId) => disconnectProjectors(io, meetingId));

  const deliver = (log: MeetingLog, fromRev: number, events: MeetingEvent[]) => {
    deliverEvents(io, log, fromRev, events);
    followMembership(io, log, events);
    presenter.follow(log, events);
  };
  return {
    io,
    deliver,
    sendTally: (vote, msg) => sendTally(io, vote, msg),
    preview: (log, events, fromSocketId) => sendPreview(io, log, events, fromSocketId),
  };
}

function scheduleExpiry(socket: IoSocket, accounts: AccountService, clock: Clock): void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const expiry = accounts.sessionExpiry(socket.data.tokenHash);
    if (expiry === null) return;
    // the server's clock, which issued the session, not the machine's
    const ms = expiry - clock.now().getTime();
    if (ms > 0) {
      // timers hold at most ~24.8 days; a longer session re-arms when this one fires
      timer = setTimeout(arm, Math.min(ms, 2 ** 31 - 1));
      return;
    }
    socket.emit('session:ended', {
      code: 'UNAUTHENTICATED',
      message: 'Your session has expired.',
      reason: 'expired',
    });
    socket.disconnect(true);
  };
  arm();
  socket.on('disconnect', () => clearTimeout(timer));
}

function invalid(error: z.ZodError): AppError {
  return appError('INVALID_PAYLOAD', z.prettifyError(error));
}

function tooLarge(payload: unknown): boolean {
  try {
    return Buffer.byteLength(JSON.stringify(payload ?? null)) > LIMITS.messageBytes;
  } catch {
    return true;
  }
}

const TOO_LARGE = appError(
  'PAYLOAD_TOO_LARGE',
  `A message may be at most ${LIMITS.messageBytes / 1024} KiB.`,
);

function join(socket: IoSocket, meetings: MeetingService, req: unknown): JoinAck {
  if (tooLarge(req)) return { ok: false, error: TOO_LARGE };
  const parsed = JoinRequestSchema.safeParse(req);
  if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
  const { meetingId, sinceRev } = parsed.data;
  const log = meetings.get(meetingId);
  if (!log) return { ok: false, error: appError('NOT_FOUND', 'There is no such meeting.') };
  const { actor, projector } = socket.data;
  const role = projector ? null : roleIn(log.durable, actor);
  if (!role && projector !== meetingId)
    return {
      ok: false,
      error: appError('FORBIDDEN', 'You are not a participant of this meeting.'),
    };
  if (role && !canSeeMeeting(log.durable, role))
    return { ok: false, error: appError('FORBIDDEN', DRAFT_MESSAGE) };
  const rev = log.durable.rev;
  const oldest = log.recent[0]?.rev ?? rev + 1;
  const canReplay =
    sinceRev !== null &&
    sinceRev <= rev &&
    sinceRev >= oldest - 1 &&
    rev - sinceRev <= MAX_CATCH_UP_EVENTS;
  // join the rooms in the same tick as the read: nothing committed in between can be missed
  leave(socket, meetingId);
  void socket.join(
    role
      ? [
          meetingRoom(meetingId),
          roleRoom(meetingId, role),
          userInMeetingRoom(meetingId, actor.userId),
        ]
      : [meetingRoom(meetingId), projectorRoom(meetingId)],
  );
  socket.data.meetings.add(meetingId);
  if (!canReplay) {
    return {
      ok: true,
      mode: 'snapshot',
      meetingId,
      rev,
      snapshot: viewFor(log.durable, actor.userId, role),
    };
  }
  const missed = log.recent.slice(log.recent.length - (rev - sinceRev));
  return {
    ok: true,
    mode: 'events',
    meetingId,
    rev,
    events: eventsFor(missed, actor.userId, role),
  };
}

function leave(socket: IoSocket, meetingId: string): void {
  for (const room of socket.rooms) {
    if (room === meetingRoom(meetingId) || room.startsWith(`${meetingRoom(meetingId)}:`)) {
      void socket.leave(room);
    }
  }
  socket.data.meetings.delete(meetingId);
}

async function runCommand(socket: IoSocket, meetings: MeetingService, envelope: unknown) {
  if (tooLarge(envelope)) return { ok: false as const, error: TOO_LARGE };
  if (socket.data.projector) return { ok: false as const, error: PROJECTOR_READ_ONLY };
  const env = CommandEnvelopeSchema.safeParse(envelope);
  if (!env.success) return { ok: false as const, error: invalid(env.error) };
  const command = ClientCommandSchema.safeParse(env.data.command);
  if (!command.success) return { ok: false as const, error: invalid(command.error) };
  const { meetingId, id } = env.data;
  return meetings.execute(meetingId, id, command.data, socket.data.actor, socket.id);
}

/** Sends a committed batch to every socket in the meeting, each receiving only what it may see. */
function deliverEvents(
  io: IoServer,
  log: MeetingLog,
  fromRev: number,
  events: MeetingEvent[],
): void {
  const rev = events.at(-1)?.rev ?? fromRev;
  const msg = (evs: MeetingEvent[]): EventsMessage => ({
    meetingId: log.id,
    fromRev,
    rev,
    events: evs,
  });
  for (const cut of audienceCuts(log, events))
    io.to(cut.room).except(cut.except).emit('meeting:events', msg(cut.events));
}

/** Keeps sockets' rooms in step with participants being added, removed or given another role. */
function followMembership(io: IoServer, log: MeetingLog, events: MeetingEvent[]): void {
  for (const e of events) {
    if (e.type === 'participant.added') {
      io.to(userRoom(e.payload.participant.userId)).emit('meetings:changed');
    } else if (e.type === 'participant.roleChanged') {
      const sockets = io.in(userInMeetingRoom(log.id, e.payload.userId));
      for (const r of ROLES) sockets.socketsLeave(roleRoom(log.id, r));
      sockets.socketsJoin(roleRoom(log.id, e.payload.role));
    } else if (e.type === 'participant.removed') {
      const u = e.payload.userId;
      // a global admin keeps access; everyone else leaves the meeting's rooms
      void io
        .in(userInMeetingRoom(log.id, u))
        .fetchSockets()
        .then((sockets) => {
          for (const s of sockets) {
            if (s.data.actor.globalRole === 'admin') continue;
            for (const room of s.rooms) if (room.startsWith(meetingRoom(log.id))) s.leave(room);
          }
        });
      io.to(userRoom(u)).emit('meetings:changed');
    } else if (e.type === 'meeting.published') {
      // the participants' lists gain the meeting; their apps start fetching its pack
      const rooms = Object.keys(log.durable.participants).map(userRoom);
      io.to([...rooms, ADMINS_ROOM]).emit('meetings:changed');
    } else if (
      e.type === 'meeting.created' ||
      e.type === 'meeting.updated' ||
      e.type === 'meeting.statusChanged'
    ) {
      // a closed meeting's projector link stops working
      if (e.type === 'meeting.statusChanged' && e.payload.status === 'closed')
        disconnectProjectors(io, log.id);
      // what the meeting list shows changed: tell everyone who lists this meeting
      const rooms = Object.keys(log.durable.participants).map(userRoom);
      io.to([...rooms, ADMINS_ROOM]).emit('meetings:changed');
    }
  }
}
