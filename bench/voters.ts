// A voters process for the vote storm (bench/storm.ts): N socket.io-client connections to our
// server and N to the bare baseline, in one process, so that both are timed on one clock under
// the same client load. A child of bench/run.ts (IPC):
//   connect({ url, tokens, meetingId, sinceRev, bareUrl }) opens and joins all of them;
//   storm({ mode, voteId, windowMs, timeoutMs }) has every socket of that side send one
//     message at a random moment within the window (ours: a real `vote.cast`; bare: a `ping`
//     the bare server acks at once), and reports each ack's latency; ours also count the
//     `vote:tally` messages each socket received.
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { CommandAck, JoinAck, TallyMessage } from '../core/index.ts';
import { inBatches, log, serveRpc, sleep, withTimeout } from './lib.ts';

const CHOICES = ['agree', 'disagree', 'abstain'] as const;

interface ConnectArgs {
  url: string;
  tokens: string[];
  meetingId: string;
  sinceRev: number;
  bareUrl: string;
}

export interface StormResult {
  /** ms from emit to ack, per acked message. */
  latencies: number[];
  sent: number;
  acked: number;
  errors: string[];
  /** Acked ballots per choice (ours). */
  counts: Record<string, number>;
  /** Per socket (ours): tally messages received for this vote, and per second of the storm. */
  tallies: number[];
  talliesPerSecond: number[];
  /** Per socket (ours): the `cast` of the last tally received. */
  lastCast: number[];
}

let meetingId = '';
let ours: Socket[] = [];
let bare: Socket[] = [];

function open(url: string, auth: object): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 30_000,
    auth,
  });
  return withTimeout(
    new Promise<Socket>((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    }),
    30_000,
    'connect',
  );
}

interface TallyLog {
  voteId: string;
  count: number[];
  last: number[];
  lastCast: number[];
}
let tallyLog: TallyLog | null = null;

serveRpc(
  {
    async connect(args: ConnectArgs) {
      meetingId = args.meetingId;
      const t0 = performance.now();
      ours = await inBatches(args.tokens, 100, (token) => open(args.url, { token, protocol: 1 }));
      bare = await inBatches(args.tokens, 100, () => open(args.bareUrl, {}));
      await inBatches(ours, 50, async (s) => {
        const ack = (await s
          .timeout(30_000)
          .emitWithAck('meeting:join', { meetingId, sinceRev: args.sinceRev })) as JoinAck;
        if (!ack.ok) throw new Error(`join: ${ack.error.code} ${ack.error.message}`);
      });
      await inBatches(bare, 50, (s) => s.timeout(30_000).emitWithAck('join', {}));
      ours.forEach((s, i) =>
        s.on('vote:tally', (msg: TallyMessage) => {
          const t = tallyLog;
          if (!t || msg.voteId !== t.voteId) return;
          t.count[i]!++;
          t.last[i] = performance.now();
          t.lastCast[i] = msg.cast;
        }),
      );
      log(
        `voters: ${ours.length} + ${ours.length} bare connected and joined in ${Math.round(performance.now() - t0)} ms`,
      );
      return null;
    },

    async storm(args: {
      mode: 'ecab' | 'bare';
      voteId: string;
      windowMs: number;
      timeoutMs: number;
    }) {
      const sockets = args.mode === 'ecab' ? ours : bare;
      const out: StormResult = {
        latencies: [],
        sent: sockets.length,
        acked: 0,
        errors: [],
        counts: {},
        tallies: [],
        talliesPerSecond: [],
        lastCast: [],
      };
      const n = sockets.length;
      if (args.mode === 'ecab')
        tallyLog = {
          voteId: args.voteId,
          count: Array(n).fill(0),
          last: Array(n).fill(0),
          lastCast: Array(n).fill(0),
        };
      const start = performance.now();
      const done = sockets.map(
        (s, i) =>
          new Promise<void>((resolve) => {
            const choice = CHOICES[Math.floor(Math.random() * 3)]!;
            setTimeout(() => {
              const t0 = performance.now();
              const reply = (ack: CommandAck | { ok: true }) => {
                if (ack.ok) {
                  out.latencies.push(performance.now() - t0);
                  out.acked++;
                  out.counts[choice] = (out.counts[choice] ?? 0) + 1;
                } else out.errors.push(`${ack.error.code} ${ack.error.message}`);
                resolve();
              };
              if (args.mode === 'bare') s.emit('ping', { i }, reply);
              else
                s.emit(
                  'command',
                  {
                    id: `storm-${randomBytes(9).toString('base64url')}`,
                    meetingId,
                    command: {
                      type: 'vote.cast',
                      payload: {
                        voteId: args.voteId,
                        choices: [choice],
                        onBehalfOf: null,
                        token: randomBytes(18).toString('base64url'),
                      },
                    },
                  },
                  reply,
                );
            }, Math.random() * args.windowMs);
          }),
      );
      const all = await Promise.race([
        Promise.all(done).then(() => true),
        sleep(args.timeoutMs).then(() => false),
      ]);
      if (!all)
        out.errors.push(
          `${n - out.acked - out.errors.length} acks missing after ${args.timeoutMs} ms`,
        );
      if (args.mode === 'ecab' && tallyLog) {
        // the last tally comes at most 250 ms after the last ballot is on disk
        await sleep(700);
        const t = tallyLog;
        tallyLog = null;
        out.tallies = t.count;
        out.lastCast = t.lastCast;
        out.talliesPerSecond = t.count.map((c, i) => c / Math.max(1, (t.last[i]! - start) / 1000));
      }
      return out;
    },
  },
  async () => {
    for (const s of [...ours, ...bare]) s.close();
    ours = [];
    bare = [];
  },
);
