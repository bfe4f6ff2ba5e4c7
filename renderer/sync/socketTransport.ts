// The Socket.IO transport. It also follows the window's online/offline events: a laptop that
// loses its Wi-Fi may keep a dead WebSocket open for a long while otherwise.
import { io, type Socket } from 'socket.io-client';
import {
  ERROR_CODES,
  PROTOCOL_VERSION,
  SessionEndedSchema,
  SessionEndReasonSchema,
  type ClientToServerEvents,
  type ErrorCode,
  type ServerToClientEvents,
  type SessionRefusal,
} from '../../core/index.ts';
import { HandlerList, type Transport } from './transport.ts';

export interface SocketTransport extends Transport {
  close(): void;
}

export interface SocketTransportOptions {
  /** '' for the page's own origin. */
  origin: string;
  getToken: () => string | null;
  /** A projector token: connect read-only to one meeting instead of as a signed-in user. */
  projectorToken?: string;
}

/** Codes after which reconnecting cannot help: the app must react (update, log in again). */
const FINAL_CODES: readonly ErrorCode[] = [
  'PROTOCOL_MISMATCH',
  'UNAUTHENTICATED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
];
const RETRY_MS = 3000;

export function socketTransport(options: SocketTransportOptions): SocketTransport {
  const handlers = new HandlerList();
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(options.origin, {
    path: '/socket.io',
    transports: ['websocket'],
    autoConnect: false,
    auth: (cb) =>
      cb(
        options.projectorToken === undefined
          ? { token: options.getToken() ?? '', protocol: PROTOCOL_VERSION }
          : { projector: options.projectorToken, protocol: PROTOCOL_VERSION },
      ),
  });
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const retryLater = (): void => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!closed && !socket.connected && navigator.onLine) socket.connect();
    }, RETRY_MS);
  };

  socket.on('connect', () => handlers.emit('connect'));
  socket.on('disconnect', (reason) => {
    handlers.emit('disconnect');
    // Socket.IO does not reconnect by itself after the server closed the socket.
    if (reason === 'io server disconnect') retryLater();
  });
  socket.on('connect_error', (err) => {
    const error = serverError(err);
    if (!error) return; // a network failure: Socket.IO retries by itself
    handlers.emit('connectError', error);
    if (!FINAL_CODES.includes(error.code)) retryLater();
  });
  socket.on('meeting:events', (msg) => handlers.emit('events', msg));
  socket.on('vote:tally', (msg) => handlers.emit('tally', msg));
  socket.on('presenter:moved', (msg) => handlers.emit('presenterMoved', msg));
  socket.on('annotation:preview', (msg) => handlers.emit('preview', msg));
  socket.on('meetings:changed', () => handlers.emit('meetingsChanged'));
  socket.on('forms:changed', () => handlers.emit('formsChanged'));
  socket.on('session:ended', (msg) => {
    const parsed = SessionEndedSchema.safeParse(msg);
    handlers.emit('sessionEnded', parsed.success ? parsed.data.reason : null);
  });

  const goOffline = (): void => {
    socket.disconnect();
  };
  const goOnline = (): void => {
    if (!closed && !socket.connected) socket.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  socket.connect();

  return {
    isConnected: () => socket.connected,
    join: (req, ack) => {
      socket.emit('meeting:join', req, ack);
    },
    leave: (meetingId) => {
      socket.emit('meeting:leave', { meetingId }, () => undefined);
    },
    command: (req, ack) => {
      socket.emit('command', req, ack);
    },
    voteStatus: (req, ack) => {
      socket.emit('vote:status', req, ack);
    },
    presenterMove: (msg) => {
      socket.volatile.emit('presenter:move', msg);
    },
    subscribe: (h) => handlers.add(h),
    close: () => {
      closed = true;
      clearTimeout(retryTimer);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

/** The server's refusal carried by a connect_error, or null for a plain network failure. */
function serverError(err: Error): SessionRefusal | null {
  const data = (err as Error & { data?: unknown }).data;
  const code =
    typeof data === 'object' && data !== null && 'code' in data ? String(data.code) : err.message;
  if (!isErrorCode(code)) return null;
  const message =
    typeof data === 'object' && data !== null && 'message' in data
      ? String(data.message)
      : err.message;
  const reason = SessionEndReasonSchema.safeParse(
    typeof data === 'object' && data !== null && 'reason' in data ? data.reason : undefined,
  );
  return reason.success ? { code, message, reason: reason.data } : { code, message };
}

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
