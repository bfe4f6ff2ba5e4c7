// The vote storm: VOTERS delegates in two processes cast a ballot each within one second, while
// our server coalesces the live tally to every client. Beside it, the same clients' bare
// Socket.IO ack round-trip to a bare server that broadcasts a tally-sized message as often.
// Rounds alternate (ours, bare, bare, ours, ...), each of ours a fresh vote (named, secret, ...).
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { CommandAck, EventsMessage, JoinAck, VoteResult } from '../core/index.ts';
import {
  figure,
  inBatches,
  log,
  login,
  percentile,
  round2,
  sleep,
  withTimeout,
  type ChildSet,
  type Figure,
} from './lib.ts';
import type { StormResult } from './voters.ts';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 2000);
const PROCESSES = 2;
const WINDOW_MS = 1000;
const ORDER = [
  'ecab',
  'bare',
  'bare',
  'ecab',
  'ecab',
  'bare',
  'bare',
  'ecab',
  'ecab',
  'bare',
] as const;
const TARGETS = { p99Ratio: 2, talliesPerSecond: 10 };

export interface StormDeps {
  children: ChildSet;
  workDir: string;
  /** BENCH_PROFILE: where our server's CPU profile of the rounds goes. */
  profileFile: string | null;
}

interface StormSetup {
  url: string;
  meetingId: string;
  itemId: string;
  usernames: string[];
  password: string;
}

interface Side {
  latencies: number[];
  sent: number;
  acked: number;
  errors: string[];
}

/** The chair, in this process: creates, opens and closes the votes and reads their results. */
class Chair {
  readonly socket: Socket;
  readonly results = new Map<string, VoteResult>();
  #seq = 0;

  constructor(socket: Socket) {
    this.socket = socket;
    socket.on('meeting:events', (msg: EventsMessage) => {
      for (const e of msg.events)
        if (e.type === 'vote.closed') this.results.set(e.payload.voteId, e.payload.result);
        else if (e.type === 'vote.created') this.lastCreated = e.payload.vote.id;
    });
  }

  lastCreated = '';

  async command(meetingId: string, command: object): Promise<void> {
    const ack = (await this.socket.timeout(30_000).emitWithAck('command', {
      id: `storm-chair-${++this.#seq}`,
      meetingId,
      command,
    })) as CommandAck;
    if (!ack.ok) throw new Error(`chair: ${ack.error.code} ${ack.error.message}`);
  }
}

export async function voteStorm(deps: StormDeps): Promise<Figure[]> {
  log(`--- vote storm: ${VOTERS} voters in ${PROCESSES} processes`);
  const server = deps.children.spawn('server(storm)', './server-proc.ts');
  const setup = await server.call<StormSetup>(
    'prepareStorm',
    { dataDir: join(deps.workDir, 'storm-data'), voters: VOTERS },
    120_000,
  );
  const t0 = performance.now();
  const [chairToken, ...tokens] = await inBatches(setup.usernames, 20, (u) =>
    login(setup.url, u, setup.password),
  );
  log(`storm: ${tokens.length + 1} logins in ${Math.round(performance.now() - t0)} ms`);
  const bare = deps.children.spawn('bare-server(storm)', './bare-server.ts');
  const { url: bareUrl } = await bare.call<{ url: string }>('listen', null, 10_000);

  const socket = io(setup.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token: chairToken, protocol: 1 },
  });
  const chair = new Chair(socket);
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      }),
      10_000,
      'chair connect',
    );
    const joined = (await socket
      .timeout(30_000)
      .emitWithAck('meeting:join', { meetingId: setup.meetingId, sinceRev: null })) as JoinAck;
    if (!joined.ok) throw new Error(`chair join: ${joined.error.message}`);

    const per = Math.ceil(tokens.length / PROCESSES);
    const procs = Array.from({ length: PROCESSES }, (_, i) =>
      deps.children.spawn(`voters${i}`, './voters.ts'),
    );
    await Promise.all(
      procs.map((p, i) =>
        p.call(
          'connect',
          {
            url: setup.url,
            tokens: tokens.slice(i * per, (i + 1) * per),
            meetingId: setup.meetingId,
            sinceRev: joined.rev,
            bareUrl,
          },
          180_000,
        ),
      ),
    );

    const sides = { ecab: empty(), bare: empty() };
    const rates: number[] = [];
    const perRound: string[] = [];
    let exact = true;
    let kind: 'named' | 'secret' = 'secret';
    if (deps.profileFile) await server.call('profileStart', null, 10_000);
    for (const mode of ORDER) {
      let voteId = '';
      if (mode === 'ecab') {
        kind = kind === 'named' ? 'secret' : 'named';
        await chair.command(setup.meetingId, {
          type: 'vote.create',
          payload: {
            itemId: setup.itemId,
            title: `Biểu quyết (${kind})`,
            kind,
            options: { kind: 'standard' },
            rule: 'absolute',
            visibility: 'all',
          },
        });
        voteId = chair.lastCreated;
        await chair.command(setup.meetingId, { type: 'vote.open', payload: { voteId } });
      } else await bare.call('stormStart', null, 5_000);
      const results = await Promise.all(
        procs.map((p) =>
          p.call<StormResult>(
            'storm',
            { mode, voteId, windowMs: WINDOW_MS, timeoutMs: 30_000 },
            60_000,
          ),
        ),
      );
      const side = sides[mode];
      for (const r of results) {
        side.latencies.push(...r.latencies);
        side.sent += r.sent;
        side.acked += r.acked;
        side.errors.push(...r.errors);
      }
      if (mode === 'bare') {
        await bare.call('stormStop', null, 5_000);
        continue;
      }
      await chair.command(setup.meetingId, { type: 'vote.close', payload: { voteId } });
      const result = chair.results.get(voteId);
      const cast: Record<string, number> = {};
      for (const r of results)
        for (const [c, n] of Object.entries(r.counts)) cast[c] = (cast[c] ?? 0) + n;
      const acked = results.reduce((n, r) => n + r.acked, 0);
      const lastCast = Math.min(...results.flatMap((r) => r.lastCast));
      const same =
        result !== undefined &&
        result.cast === acked &&
        Object.entries(result.counts).every(([c, n]) => (cast[c] ?? 0) === n) &&
        lastCast === acked;
      exact &&= same;
      const roundRates = results.flatMap((r) => r.talliesPerSecond);
      rates.push(...roundRates);
      const msgs = results.flatMap((r) => r.tallies);
      perRound.push(
        `${kind}: result ${JSON.stringify(result?.counts)} vs acked ${JSON.stringify(cast)}, ` +
          `last live tally ${lastCast}; tally messages per client ${Math.min(...msgs)}-${Math.max(...msgs)}`,
      );
      log(`storm (${kind}): ${perRound.at(-1)}; ${same ? 'exact' : 'MISMATCH'}`);
      await sleep(300);
    }
    if (deps.profileFile) {
      await server.call('profileStop', { file: deps.profileFile }, 30_000);
      log(`storm: our server's CPU profile of the rounds in ${deps.profileFile}`);
    }
    for (const p of procs) await deps.children.stop(p);
    return figures(sides, rates, exact, perRound);
  } finally {
    socket.close();
    await deps.children.stop(bare);
    await deps.children.stop(server);
  }
}

function empty(): Side {
  return { latencies: [], sent: 0, acked: 0, errors: [] };
}

function figures(
  sides: { ecab: Side; bare: Side },
  rates: number[],
  exact: boolean,
  perRound: string[],
): Figure[] {
  const q = (s: Side, p: number) => round2(percentile(s.latencies, p));
  for (const s of Object.values(sides)) s.latencies.sort((a, b) => a - b);
  const { ecab, bare } = sides;
  const rounds = ORDER.filter((m) => m === 'ecab').length;
  const share = round2((100 * ecab.acked) / ecab.sent);
  const p99 = q(ecab, 99);
  const maxRate = round2(Math.max(...rates));
  const setupNote =
    `${rounds} rounds per server, interleaved (${ORDER.join(', ')}); each round ${VOTERS} voters in ` +
    `${PROCESSES} processes send one message each at a random moment within ${WINDOW_MS} ms. Ours: a ` +
    `vote.cast (validated, counted, group-committed with one fsync per batch per vote, acked ` +
    `after the fsync), the vote's tally coalesced to all ${VOTERS + 1} clients; bare: a ping the bare ` +
    `server acks at once while it broadcasts a tally-sized message 4 times a second to the same clients.`;
  return [
    figure({
      name: 'vote_storm_acked_share',
      value: share,
      unit: '%',
      baseline: null,
      target: '= 100%',
      met: share === 100 && ecab.errors.length === 0,
      note: `${ecab.acked} of ${ecab.sent} ballots acked${ecab.errors.length ? `; errors: ${ecab.errors.slice(0, 3).join('; ')}` : ''}`,
    }),
    figure({
      name: 'vote_storm_ack_p50_ms',
      value: q(ecab, 50),
      unit: 'ms',
      baseline: q(bare, 50),
      note: setupNote,
    }),
    figure({
      name: 'vote_storm_ack_p99_ms',
      value: p99,
      unit: 'ms',
      baseline: q(bare, 99),
      target: `ratio <= ${TARGETS.p99Ratio}`,
      met: p99 / q(bare, 99) <= TARGETS.p99Ratio,
      note: `from emit to ack, over all ${ecab.latencies.length} ballots (bare: ${bare.latencies.length} pings, ${bare.acked} of ${bare.sent} acked); see vote_storm_ack_p50_ms`,
    }),
    figure({
      name: 'vote_storm_tally_exact',
      value: exact ? 1 : 0,
      unit: 'bool',
      baseline: null,
      target: '= 1',
      met: exact,
      note: `each round's closed result (and every client's last live tally) equals the ballots the clients had acked: ${perRound.join(' | ')}`,
    }),
    figure({
      name: 'vote_storm_tally_msgs_per_client_per_s',
      value: maxRate,
      unit: 'msg/s',
      baseline: null,
      target: `<= ${TARGETS.talliesPerSecond}`,
      met: maxRate <= TARGETS.talliesPerSecond,
      note:
        `the most any client received: vote:tally messages of the round divided by the seconds from ` +
        `the storm's start to that client's last tally; median over clients and rounds ` +
        `${round2(
          percentile(
            rates.toSorted((a, b) => a - b),
            50,
          ),
        )}`,
    }),
  ];
}
