// npm run bench: the foundation figures, one JSON line each on stdout, progress on stderr.
//   1. delivery latency (p50, p99) of a chair's command to N clients in another process, beside a
//      bare Socket.IO broadcast of a same-sized message to the same clients (bench/bare-server.ts);
//   2. catch-up time of a client 1,000 events behind (join ack + applying them), beside a full
//      snapshot join of the same meeting;
//   3. the server's RSS with N clients connected and joined, beside the bare server's;
//   4. the vote storm (bench/storm.ts): 2,000 voters cast within one second; acked share, ack
//      latency beside a bare ack round-trip, exactness of the tally, tally messages per client;
//   5. annotation sync (bench/annotations.ts): from one device's annotation command to its preview
//      and to its durable event on the same delegate's other device, beside a bare Socket.IO
//      relay of the same payload (without, and with an fdatasync before the ack);
//   6. pack distribution (bench/pack.ts): 200 devices download a 20 MB meeting pack at once with
//      the app's pack sync, beside a bare node:http file server; then a republish with one
//      document replaced moves only that document (BENCH_PACK=0: skip; BENCH_ONLY=pack: alone);
//   7. the document viewer (bench/viewer.ts) beside the stock pdf.js viewer, in headless
//      Chromium: first page, jump to page 300, JS heap after every page (BENCH_VIEWER=0: skip);
//   8. the meeting-pack search (bench/pack-search.ts): event-loop stall while a book's text is
//      read, a search's round trip, the first search after a restart (BENCH_PACK_SEARCH=0: skip).
// Everything runs on 127.0.0.1, in a temporary folder that is removed at the end (also on failure).
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { io } from 'socket.io-client';
import { apply, type JoinAck, type MeetingState } from '../core/index.ts';
import type { RoundResult } from './clients.ts';
import {
  ChildSet,
  figure,
  inBatches,
  log,
  login,
  median,
  openFileLimit,
  percentile,
  round2,
  sleep,
  withTimeout,
  type Child,
  type Figure,
  type MemoryReport,
} from './lib.ts';
import { annotationSync } from './annotations.ts';
import { packDistribution } from './pack.ts';
import { packSearchFigures } from './pack-search.ts';
import { voteStorm } from './storm.ts';
import { viewerFigures } from './viewer.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const WARMUP_ROUNDS = 10;
const ROUNDS = 40;
const ROUND_SPACING_MS = 100;
const ROUND_TIMEOUT_MS = 5_000;
const CATCHUP_EVENTS = 1000;
const CATCHUP_TRIES = 9;
/** The viewer figures, which come after the rest, are aborted after this long. */
const VIEWER_DEADLINE_MS = 240_000;
/**
 * The pack distribution figures, which come after the storm, are aborted after this long: about
 * 2 minutes is usual; on a very busy machine one pair of rounds can take 3.
 */
const PACK_DEADLINE_MS = 300_000;
/** The whole run (but the pack and viewer figures) is aborted after this long. */
const DEADLINE_MS = 300_000;

const TARGETS = {
  deliveryP99Ratio: 1.5,
  catchupMs: 250,
  serverRssMb: 200,
};

const children = new ChildSet();
let workDir: string | undefined;

function cleanUpNow(): void {
  children.killNow();
  if (workDir) rmSync(workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  workDir = undefined;
}
process.on('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    cleanUpNow();
    process.exit(130);
  });
}

/** BENCH_PROFILE=1: CPU profiles of the two measured servers, written when they exit. */
const PROFILE_DIR = process.env.BENCH_PROFILE
  ? fileURLToPath(new URL('../.bench/profiles/', import.meta.url))
  : null;
const profiled = (name: string) =>
  PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}.cpuprofile`]
    : [];

const spawn = (name: string, file: string, execArgv: string[] = []): Child =>
  children.spawn(name, file, execArgv);
const stop = (child: Child): Promise<void> => children.stop(child);
const stopAll = (): Promise<void> => children.stopAll();

const mb = (bytes: number) => round2(bytes / 1024 / 1024);
const memoryLine = (m: MemoryReport) =>
  `RSS ${mb(m.rss)} MB, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, ` +
  `external ${mb(m.external)} MB`;

/** One server with its audience process: N clients and the chair, connected and joined. */
interface Side {
  label: 'bare' | 'ecab';
  server: Child;
  clients: Child;
  /** The server's memory with the clients connected and joined, after a full GC. */
  memory: MemoryReport;
  samples: number[];
  chairAcks: number[];
  /** Per measured round: [median, max] of the receipts. */
  perRound: [number, number][];
  msgBytes: number;
}

async function audience(
  label: Side['label'],
  server: Child,
  connect: { url: string; tokens: string[]; chairToken: string; meetingId: string },
): Promise<Side> {
  const clients = spawn(`clients(${label})`, './clients.ts', ['--expose-gc']);
  await clients.call('connect', { mode: label, ...connect }, 90_000);
  const connected = await server.call<MemoryReport>('memory', null, 30_000);
  log(`${label}: server with clients connected, before joining: ${memoryLine(connected)}`);
  await clients.call('join', null, 120_000);
  const memory = await server.call<MemoryReport>('memory', null, 30_000);
  log(`${label}: server with clients joined: ${memoryLine(memory)}`);
  return { label, server, clients, memory, samples: [], chairAcks: [], perRound: [], msgBytes: 0 };
}

async function bare(): Promise<Side> {
  log('--- baseline: bare Socket.IO server');
  const server = spawn('bare-server', './bare-server.ts', [
    '--expose-gc',
    ...profiled('bare-server'),
  ]);
  const { url } = await server.call<{ url: string }>('listen', null, 10_000);
  log(
    `bare: server listening: ${memoryLine(await server.call<MemoryReport>('memory', null, 30_000))}`,
  );
  return audience('bare', server, {
    url,
    tokens: Array.from({ length: CLIENTS }, () => ''),
    chairToken: '',
    meetingId: '',
  });
}

/**
 * The delivery rounds, interleaved (ours, bare, bare, ours, ...) so that whatever else the machine
 * is doing weighs on both alike. Only one side is ever active; the other's processes sit idle.
 */
async function deliveryRounds(sides: [Side, Side]): Promise<void> {
  await Promise.all(sides.map((s) => s.clients.call('gc', null, 30_000)));
  const started = performance.now();
  for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
    for (const side of i % 2 ? [sides[1], sides[0]] : sides) {
      const r = await side.clients.call<RoundResult>(
        'round',
        { timeoutMs: ROUND_TIMEOUT_MS },
        ROUND_TIMEOUT_MS * 3,
      );
      if (r.missing > 0) throw new Error(`${side.label}: ${r.missing} clients missed round ${i}`);
      if (i >= WARMUP_ROUNDS) {
        side.samples.push(...r.samples);
        side.chairAcks.push(r.chairAckMs);
        const sorted = r.samples.toSorted((a, b) => a - b);
        side.perRound.push([percentile(sorted, 50), sorted.at(-1) ?? NaN]);
      }
      await sleep(ROUND_SPACING_MS);
    }
  }
  log(
    `${WARMUP_ROUNDS}+${ROUNDS} rounds on each side in ${Math.round(performance.now() - started)} ms`,
  );
  for (const side of sides) {
    const { stray, msgBytes } = await side.clients.call<{ stray: number; msgBytes: number }>(
      'stats',
      null,
      10_000,
    );
    if (stray > 0) throw new Error(`${side.label}: ${stray} messages belonged to no round`);
    side.msgBytes = msgBytes;
    side.samples.sort((a, b) => a - b);
    log(
      `${side.label}: delivery p50 ${round2(percentile(side.samples, 50))} ms, ` +
        `p99 ${round2(percentile(side.samples, 99))} ms, max ${round2(side.samples.at(-1) ?? NaN)} ms, ` +
        `chair ack p50 ${round2(median(side.chairAcks))} ms, ${side.samples.length} samples, ` +
        `message ${msgBytes} bytes`,
    );
    if (process.env.BENCH_VERBOSE) {
      const rounds = side.perRound.map(([a, b]) => `${Math.round(a)}/${Math.round(b)}`);
      log(`${side.label}: per round p50/max: ${rounds.join(' ')}`);
    }
  }
}

interface Catchup {
  catchupMs: number[];
  ackMs: number[];
  snapshotMs: number[];
  ackBytes: number;
  snapshotBytes: number;
}

/** A latecomer 1,000 events behind joins (events in the ack) and applies them; several tries. */
async function catchup(
  server: Child,
  url: string,
  token: string,
  meetingId: string,
): Promise<Catchup> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token, protocol: 1 },
  });
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      }),
      10_000,
      'catch-up client connect',
    );
    const joinAt = async (sinceRev: number | null) => {
      const t0 = performance.now();
      const ack = (await socket
        .timeout(10_000)
        .emitWithAck('meeting:join', { meetingId, sinceRev })) as JoinAck;
      if (!ack.ok) throw new Error(`join failed: ${ack.error.code} ${ack.error.message}`);
      return { ack, t0, t1: performance.now() };
    };
    const first = (await joinAt(null)).ack;
    if (!first.ok || first.mode !== 'snapshot') throw new Error('expected a snapshot');
    const behind: MeetingState = first.snapshot;
    await socket.timeout(10_000).emitWithAck('meeting:leave', { meetingId });
    const gen = await server.call<{ fromRev: number; rev: number }>(
      'generate',
      { meetingId, count: CATCHUP_EVENTS },
      60_000,
    );
    if (gen.fromRev !== behind.rev || gen.rev !== behind.rev + CATCHUP_EVENTS)
      throw new Error(`generated revs ${gen.fromRev}..${gen.rev}, expected from ${behind.rev}`);

    const out: Catchup = {
      catchupMs: [],
      ackMs: [],
      snapshotMs: [],
      ackBytes: 0,
      snapshotBytes: 0,
    };
    let caughtUp: MeetingState | undefined;
    for (let i = 0; i <= CATCHUP_TRIES; i++) {
      const { ack, t0, t1 } = await joinAt(behind.rev);
      if (!ack.ok || ack.mode !== 'events') throw new Error('expected events');
      if (ack.events.length !== CATCHUP_EVENTS)
        throw new Error(`got ${ack.events.length} events, expected ${CATCHUP_EVENTS}`);
      let state = behind;
      for (const e of ack.events) state = apply(state, e);
      const t2 = performance.now();
      if (state.rev !== gen.rev) throw new Error(`caught up to ${state.rev}, expected ${gen.rev}`);
      caughtUp = state;
      if (i === 0) {
        out.ackBytes = Buffer.byteLength(JSON.stringify(ack));
        continue; // warm-up
      }
      out.ackMs.push(t1 - t0);
      out.catchupMs.push(t2 - t0);
    }
    for (let i = 0; i <= CATCHUP_TRIES; i++) {
      const { ack, t0, t1 } = await joinAt(null);
      if (!ack.ok || ack.mode !== 'snapshot') throw new Error('expected a snapshot');
      if (i === 0) {
        out.snapshotBytes = Buffer.byteLength(JSON.stringify(ack));
        if (!isDeepStrictEqual(ack.snapshot, caughtUp))
          throw new Error('the state after catch-up differs from the snapshot');
        continue;
      }
      out.snapshotMs.push(t1 - t0);
    }
    return out;
  } finally {
    socket.close();
  }
}

/**
 * Our server, as on a meeting morning: one process prepares the data (accounts, meetings) and
 * serves the logins over HTTP (the sessions are saved with the accounts); then a fresh process
 * starts on that folder, as after a restart, and the clients connect with their tokens.
 */
async function ours(): Promise<
  Side & { setup: Setup; lateToken: string; afterLogins: MemoryReport }
> {
  log('--- our server');
  // made only now, so that a parent killed outright leaves it to the server process to remove
  workDir = await mkdtemp(join(tmpdir(), 'ecab-bench-'));
  const dataDir = join(workDir, 'data');
  const prep = spawn('server(prepare)', './server-proc.ts', ['--expose-gc']);
  const setup = await prep.call<Setup>('prepare', { dataDir, clients: CLIENTS }, 120_000);
  const t0 = performance.now();
  const tokens = await inBatches(setup.usernames, 20, (u) => login(setup.url, u, setup.password));
  log(`ecab: ${tokens.length} logins over HTTP in ${Math.round(performance.now() - t0)} ms`);
  const afterLogins = await prep.call<MemoryReport>('memory', null, 30_000);
  log(`ecab: the server that made the accounts and served the logins: ${memoryLine(afterLogins)}`);
  await stop(prep);

  const server = spawn('server', './server-proc.ts', ['--expose-gc', ...profiled('server')]);
  const { url } = await server.call<{ url: string }>('start', { dataDir }, 60_000);
  log(
    `ecab: server restarted on that data: ${memoryLine(await server.call<MemoryReport>('memory', null, 30_000))}`,
  );
  const [chairToken, lateToken, ...clientTokens] = tokens;
  const side = await audience('ecab', server, {
    url,
    tokens: clientTokens,
    chairToken: chairToken!,
    meetingId: setup.mainMeeting,
  });
  return { ...side, setup: { ...setup, url }, lateToken: lateToken!, afterLogins };
}

interface Setup {
  url: string;
  mainMeeting: string;
  catchupMeeting: string;
  usernames: string[];
  password: string;
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'pack') return; // pack() only
  const started = performance.now();
  const limit = openFileLimit();
  const need = 2 * CLIENTS + 256;
  if (limit !== null && limit < need) {
    log(
      `The open-file limit is ${limit}; ${CLIENTS} clients need ${need} (client and server ` +
        `sockets). Raise it in this shell first, e.g. \`ulimit -n 4096\`, then run again.`,
    );
    process.exitCode = 2;
    return;
  }
  log(`open-file limit ${limit ?? 'unknown'}, ${CLIENTS} clients, node ${process.version}`);
  const loadBefore = loadavg()[0]!;
  if (loadBefore > availableParallelism() / 2)
    log(
      `the machine is busy (load average ${loadBefore.toFixed(1)} on ${availableParallelism()} ` +
        `CPUs): the latency figures will be noisy; the rounds are interleaved so that both ` +
        `servers suffer alike, but a quiet machine gives steadier tails`,
    );
  const deadline = setTimeout(() => {
    log(`the run took longer than ${DEADLINE_MS / 1000} s: aborting`);
    cleanUpNow();
    process.exit(1);
  }, DEADLINE_MS);
  try {
    const stormDeps = () => ({
      children,
      workDir: workDir!,
      profileFile: PROFILE_DIR ? join(PROFILE_DIR, 'server-storm.cpuprofile') : null,
    });
    if (process.env.BENCH_ONLY === 'storm') {
      workDir = await mkdtemp(join(tmpdir(), 'ecab-bench-'));
      for (const f of await voteStorm(stormDeps())) process.stdout.write(`${JSON.stringify(f)}\n`);
      log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
      return;
    }
    if (process.env.BENCH_ONLY === 'annotations') {
      workDir = await mkdtemp(join(tmpdir(), 'ecab-bench-'));
      for (const f of await annotationSync({ spawn, stop, workDir }))
        process.stdout.write(`${JSON.stringify(f)}\n`);
      log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
      return;
    }
    const b = await bare();
    const e = await ours();
    if (process.env.BENCH_ONLY === 'rss') {
      // the memory figures only (BENCH_ONLY=rss), e.g. while looking into the server's RSS
      log(`RSS: ours ${mb(e.memory.rss)} MB, bare ${mb(b.memory.rss)} MB`);
      return;
    }
    await deliveryRounds([e, b]);
    const c = await catchup(e.server, e.setup.url, e.lateToken, e.setup.catchupMeeting);
    log(
      `ecab: catch-up of ${CATCHUP_EVENTS} events: ${round2(median(c.catchupMs))} ms ` +
        `(ack ${round2(median(c.ackMs))} ms, ${c.ackBytes} bytes); ` +
        `snapshot join ${round2(median(c.snapshotMs))} ms (${c.snapshotBytes} bytes)`,
    );
    await stopAll();
    const annotations = await annotationSync({ spawn, stop, workDir: workDir! });
    const storm = await voteStorm(stormDeps());
    const q = (side: Side, pct: number) => round2(percentile(side.samples, pct));
    const deliveryNote =
      `${ROUNDS} rounds x ${CLIENTS} clients per server (after ${WARMUP_ROUNDS} warm-up), ` +
      `interleaved with the baseline's, ${ROUND_SPACING_MS} ms apart; chair command ` +
      `agenda.setCurrent -> meeting:events (${e.msgBytes} B; bare ${b.msgBytes} B). Ours ` +
      `validates, decides, appends to the journal and fdatasyncs before broadcasting (an ack is ` +
      `a promise); the bare server only broadcasts. Chair ack p50: ours ` +
      `${round2(median(e.chairAcks))} ms, bare ${round2(median(b.chairAcks))} ms. Load average ` +
      `${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end ` +
      `(${availableParallelism()} CPUs).`;
    const p99 = q(e, 99);
    const p99Base = q(b, 99);
    const rssMb = mb(e.memory.rss);
    const catchupMs = round2(median(c.catchupMs));
    const figures: Figure[] = [
      figure({
        name: 'delivery_p50_ms',
        value: q(e, 50),
        unit: 'ms',
        baseline: q(b, 50),
        note: deliveryNote,
      }),
      figure({
        name: 'delivery_p99_ms',
        value: p99,
        unit: 'ms',
        baseline: p99Base,
        target: `ratio <= ${TARGETS.deliveryP99Ratio}`,
        met: p99 / p99Base <= TARGETS.deliveryP99Ratio,
        note: 'over all (round, client) samples; see delivery_p50_ms for the setup',
      }),
      figure({
        name: 'catchup_1000_events_ms',
        value: catchupMs,
        unit: 'ms',
        baseline: round2(median(c.snapshotMs)),
        target: `<= ${TARGETS.catchupMs} ms`,
        met: catchupMs <= TARGETS.catchupMs,
        note:
          `median of ${CATCHUP_TRIES}: join with sinceRev ${CATCHUP_EVENTS} revisions old -> ack ` +
          `with the events (${c.ackBytes} B, ack alone ${round2(median(c.ackMs))} ms) ` +
          `-> core apply of each; baseline, for comparison only: a full snapshot join of the ` +
          `same meeting (${c.snapshotBytes} B)`,
      }),
      figure({
        name: `server_rss_${CLIENTS}_clients_mb`,
        value: rssMb,
        unit: 'MB',
        baseline: mb(b.memory.rss),
        target: `<= ${TARGETS.serverRssMb} MB`,
        met: rssMb <= TARGETS.serverRssMb,
        note:
          `after a full GC, ${CLIENTS} clients + chair connected and joined (each joined with a ` +
          `snapshot of the ${CLIENTS + 2}-participant meeting), the server restarted on its data ` +
          `before they connected; heap used ${mb(e.memory.heapUsed)} MB (bare ` +
          `${mb(b.memory.heapUsed)} MB). The process that created the accounts and served the ` +
          `${CLIENTS + 2} logins had RSS ${mb(e.afterLogins.rss)} MB (heap used ` +
          `${mb(e.afterLogins.heapUsed)} MB)`,
      }),
    ];
    for (const f of [...figures, ...annotations, ...storm])
      process.stdout.write(`${JSON.stringify(f)}\n`);
    log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
    if (PROFILE_DIR) log(`CPU profiles in ${PROFILE_DIR} (see bench/profile-summary.ts)`);
  } finally {
    clearTimeout(deadline);
    await stopAll().catch(() => undefined);
    cleanUpNow();
  }
}

/** 5. pack distribution (bench/pack.ts), after the rest: its own work folder and deadline. */
async function pack(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (process.env.BENCH_PACK === '0' || (only && only !== 'pack') || process.exitCode) return;
  const started = performance.now();
  const deadline = setTimeout(() => {
    log(`pack: took longer than ${PACK_DEADLINE_MS / 1000} s: aborting`);
    cleanUpNow();
    process.exit(1);
  }, PACK_DEADLINE_MS);
  try {
    workDir = await mkdtemp(join(tmpdir(), 'ecab-bench-'));
    const profileFile = PROFILE_DIR ? join(PROFILE_DIR, 'server-pack.cpuprofile') : null;
    for (const f of await packDistribution({ children, workDir, profileFile }))
      process.stdout.write(`${JSON.stringify(f)}\n`);
    if (only) log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
  } finally {
    clearTimeout(deadline);
    await stopAll().catch(() => undefined);
    cleanUpNow();
  }
}

/** 6. the document viewer (bench/viewer.ts), after the rest: its own browser and deadline. */
async function viewer(): Promise<void> {
  if (process.env.BENCH_VIEWER === '0' || process.env.BENCH_ONLY) return; // (storm or pack only)
  const deadline = setTimeout(() => {
    log(`viewer: took longer than ${VIEWER_DEADLINE_MS / 1000} s: aborting`);
    process.exit(1);
  }, VIEWER_DEADLINE_MS);
  try {
    for (const f of await viewerFigures()) process.stdout.write(`${JSON.stringify(f)}\n`);
  } finally {
    clearTimeout(deadline);
  }
}

/** 6. the meeting-pack search (bench/pack-search.ts), last, with its own server in this process. */
async function packSearch(): Promise<void> {
  if (process.env.BENCH_PACK_SEARCH === '0' || process.env.BENCH_ONLY) return;
  for (const f of await withTimeout(packSearchFigures(), 120_000, 'pack search'))
    process.stdout.write(`${JSON.stringify(f)}\n`);
}

main()
  .then(pack)
  .then(viewer)
  .then(packSearch)
  .catch((err: unknown) => {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    cleanUpNow();
    process.exit(1);
  });
