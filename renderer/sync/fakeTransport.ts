// A transport for tests: records what the engine sends and lets a test play the server.
import type {
  AnnotationPreview,
  CommandAck,
  EventsMessage,
  JoinAck,
  TallyMessage,
  VoteStatusAck,
} from '../../core/index.ts';
import { HandlerList, type CommandRequest, type Transport } from './transport.ts';

export interface SentJoin {
  req: { meetingId: string; sinceRev: number | null };
  ack: (res: JoinAck) => void;
}

export interface SentCommand {
  req: CommandRequest;
  ack: (res: CommandAck) => void;
}

export interface SentVoteStatus {
  req: { meetingId: string; voteId: string };
  ack: (res: VoteStatusAck) => void;
}

export class FakeTransport implements Transport {
  connected = false;
  joins: SentJoin[] = [];
  commands: SentCommand[] = [];
  leaves: string[] = [];
  statuses: SentVoteStatus[] = [];
  private readonly handlers = new HandlerList();

  isConnected(): boolean {
    return this.connected;
  }

  join(req: SentJoin['req'], ack: SentJoin['ack']): void {
    this.joins.push({ req, ack });
  }

  leave(meetingId: string): void {
    this.leaves.push(meetingId);
  }

  command(req: CommandRequest, ack: SentCommand['ack']): void {
    this.commands.push({ req, ack });
  }

  voteStatus(req: SentVoteStatus['req'], ack: SentVoteStatus['ack']): void {
    this.statuses.push({ req, ack });
  }

  moves: { meetingId: string; documentId: string; page: number }[] = [];

  presenterMove(msg: { meetingId: string; documentId: string; page: number }): void {
    this.moves.push(msg);
  }

  subscribe: Transport['subscribe'] = (h) => this.handlers.add(h);

  connect(): void {
    this.connected = true;
    this.handlers.emit('connect');
  }

  disconnect(): void {
    this.connected = false;
    this.handlers.emit('disconnect');
  }

  push(msg: EventsMessage): void {
    this.handlers.emit('events', msg);
  }

  preview(msg: AnnotationPreview): void {
    this.handlers.emit('preview', msg);
  }

  tally(msg: TallyMessage): void {
    this.handlers.emit('tally', msg);
  }

  lastJoin(): SentJoin {
    const join = this.joins.at(-1);
    if (!join) throw new Error('no join was sent');
    return join;
  }
}
