// The Socket.IO server's types and room names, shared by the sync handlers.
import type { Server, Socket } from 'socket.io';
import type { Actor, ClientToServerEvents, Role, ServerToClientEvents } from '../../core/index.ts';

export interface SocketData {
  actor: Actor;
  tokenHash: string;
  meetings: Set<string>;
  /** Set on a projector's socket: the one meeting it may watch (read-only). */
  projector?: string;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

export const meetingRoom = (m: string) => `m:${m}`;
export const roleRoom = (m: string, r: Role) => `m:${m}:r:${r}`;
export const userInMeetingRoom = (m: string, u: string) => `m:${m}:u:${u}`;
export const projectorRoom = (m: string) => `m:${m}:projector`;
export const userRoom = (u: string) => `u:${u}`;
export const sessionRoom = (t: string) => `s:${t}`;
export const ADMINS_ROOM = 'admins';
