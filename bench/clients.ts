// The audience: N socket.io-client connections plus the chair, in one process separate from the
// server, so that sending and receiving are timed on one clock. A child of bench/run.ts (IPC):
//   connect({ mode, url, ... }) opens the connections; join() joins them all to the meeting;
//   round({ timeoutMs }) has the chair send one command and returns, per client, the time from
//     the chair's emit to that client's receipt of the resulting event.
// mode 'ecab' talks to our server (token auth, meeting:join, a real `agenda.setCurrent` command);
// mode 'bare' to bench/bare-server.ts (join a room; 'bcast' makes it broadcast a same-sized message).
import { io, type Socket } from 'socket.io-client';
import type { CommandAck, EventsMessage, JoinAck } from '../core/index.ts';
import { inBatches, log, serveRpc, settlesWithin, withTimeout } from './lib.ts';

interface ConnectArgs {
  mode: 'ecab' | 'bare';
  url: string;
  /** One per client (ecab); in bare mode only their count matters. */
  tokens: string[];
  chairToken: string;
  meetingId: string;
}

export interface RoundResult {
  /** ms from the chair's emit to each client's receipt of the event. */
  samples: number[];
  /** ms from the chair's emit to its ack. */
  chairAckMs: number;
  /** Clients whose receipt did not come within the timeout. */
  missing: number;
}

let mode: ConnectArgs['mode'] = 'bare';
let meetingId = '';
let clients: Socket[] = [];
let chair: Socket | undefined;
let chairRev = 0;
let agendaIds: string[] = [];
let currentItem: string | null = null;

interface Round {
  rev: number;
  t0: number;
  got: number;
  samples: number[];
  done: () => void;
}
let round: Round | null = null;
let stray = 0;
let msgBytes = 0;

function onEvents(msg: EventsMessage): void {
  const r = round;
  if (!r || msg.rev !== r.rev) {
    stray++;
    return;
  }
  r.samples.push(performance.now() - r.t0);
  if (msgBytes === 0) msgBytes = Buffer.byteLength(JSON.stringify(msg));
  if (++r.got === clients.length) r.done();
}

function open(url: string, token: string): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true, // one connection per client, not one multiplexed Manager
    reconnection: false,
    timeout: 20_000,
    auth: mode === 'ecab' ? { token, protocol: 1 } : {},
  });
  return withTimeout(
    new Promise<Socket>((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (err) => reject(err));
    }),
    20_000,
    'connect',
  ).catch((err: unknown) => {
    socket.close();
    throw err;
  });
}

async function join(socket: Socket): Promise<JoinAck | { ok: true }> {
  if (mode === 'bare')
    return (await socket.timeout(20_000).emitWithAck('join', {})) as { ok: true };
  const ack = (await socket
    .timeout(20_000)
    .emitWithAck('meeting:join', { meetingId, sinceRev: null })) as JoinAck;
  if (!ack.ok) throw new Error(`join failed: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

async function chairSend(rev: number): Promise<void> {
  if (mode === 'bare') {
    await chair!.timeout(10_000).emitWithAck('bcast', { rev });
    return;
  }
  const next = agendaIds.find((id) => id !== currentItem)!;
  const ack = (await chair!.timeout(10_000).emitWithAck('command', {
    id: `bench-${process.pid}-${rev}`,
    meetingId,
    command: { type: 'agenda.setCurrent', payload: { itemId: next } },
  })) as CommandAck;
  if (!ack.ok) throw new Error(`command failed: ${ack.error.code} ${ack.error.message}`);
  if (ack.rev !== rev) throw new Error(`expected rev ${rev}, got ${ack.rev}`);
  currentItem = next;
}

serveRpc(
  {
    async connect(args: ConnectArgs) {
      mode = args.mode;
      meetingId = args.meetingId;
      const t0 = performance.now();
      chair = await open(args.url, args.chairToken);
      clients = await inBatches(args.tokens, 100, (token) => open(args.url, token));
      const ms = performance.now() - t0;
      log(`${mode}: ${clients.length} clients + chair connected in ${Math.round(ms)} ms`);
      return { ms };
    },

    async join() {
      const t0 = performance.now();
      const chairJoin = await join(chair!);
      if ('mode' in chairJoin) {
        if (chairJoin.mode !== 'snapshot') throw new Error('expected a snapshot');
        chairRev = chairJoin.rev;
        agendaIds = chairJoin.snapshot.agenda.children['']?.slice(0, 2) ?? [];
        currentItem = chairJoin.snapshot.currentItemId;
        if (agendaIds.length < 2) throw new Error('the meeting needs two agenda items');
      }
      let ackBytes = 0;
      await inBatches(clients, 50, async (s, i) => {
        const ack = await join(s);
        if (i === 0) ackBytes = Buffer.byteLength(JSON.stringify(ack));
      });
      for (const s of clients) s.on('meeting:events', onEvents);
      const ms = performance.now() - t0;
      log(`${mode}: all joined in ${Math.round(ms)} ms (join ack ${ackBytes} bytes)`);
      return { ms, ackBytes };
    },

    /** One round: the chair's command (or bcast), and every client's receipt of its event. */
    async round(args: { timeoutMs: number }): Promise<RoundResult> {
      const rev = ++chairRev;
      let done!: () => void;
      const allIn = new Promise<void>((r) => (done = r));
      const r: Round = { rev, t0: performance.now(), got: 0, samples: [], done };
      round = r;
      const acked = chairSend(rev).then(() => performance.now() - r.t0);
      try {
        await settlesWithin(allIn, args.timeoutMs);
        const chairAckMs = await withTimeout(acked, args.timeoutMs, `chair ack of rev ${rev}`);
        return { samples: r.samples, chairAckMs, missing: clients.length - r.got };
      } finally {
        round = null;
      }
    },

    /** Run before the rounds: a clean heap, so that garbage from the joins does not weigh on them. */
    gc() {
      (globalThis as { gc?: () => void }).gc?.();
    },

    stats() {
      return { stray, msgBytes };
    },
  },
  async () => {
    for (const s of clients) s.close();
    chair?.close();
    clients = [];
  },
);
