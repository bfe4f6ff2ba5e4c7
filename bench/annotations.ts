// Annotation sync between two devices of one delegate (issue 3): device 1 sends annotation
// commands (highlights, ink strokes of a few hundred points, and updates of both), device 2 waits
// for them. Measured from device 1's emit to device 2's receipt, both sockets in this process
// (one clock). Our server sends device 2 two messages: at once, the volatile `annotation:preview`
// (decided, not yet on disk: what device 2 shows), then, once the journal is fdatasynced, the
// durable `meeting:events` (the ack's promise kept). Beside them, in the same run and interleaved
// sample by sample, a bare Socket.IO server (bare-server.ts `relay`) that acks the same command
// and relays a same-sized event to the room: the baseline for the preview. A third side is the
// same bare relay appending each command to a file and fdatasyncing it before the ack, the least
// any server that keeps its promise (an ack means on disk) must do: the durable event's baseline.
// Run as part of `npm run bench`, or alone: BENCH_ONLY=annotations npm run bench.
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { AnnotationPreview, ClientCommand, EventsMessage, JoinAck } from '../core/index.ts';
import {
  figure,
  log,
  login,
  percentile,
  round2,
  sleep,
  withTimeout,
  type Child,
  type Figure,
} from './lib.ts';

const WARMUP = 20;
const SAMPLES = Number(process.env.BENCH_ANNOTATION_SAMPLES ?? 600);
/**
 * Quiet time before the first sample: the setup's upload (checked and its text read for search
 * in our server's worker thread) and whatever ran before in `npm run bench` are over by then.
 */
const SETTLE_MS = 3_000;
/** Pause between two samples (of either server): paced, not a flood. */
const PACE_MS = 20;
const SAMPLE_TIMEOUT_MS = 5_000;
const TARGET_P99_RATIO = 1.5;

export interface AnnotationDeps {
  spawn: (name: string, file: string, execArgv?: string[]) => Child;
  stop: (child: Child) => Promise<void>;
  workDir: string;
}

interface Device {
  socket: Socket;
  /** Called with each events message this device receives. */
  onEvents: ((msg: EventsMessage) => void) | null;
  /** Called with each `annotation:preview` this device receives (our server only). */
  onPreview: ((msg: AnnotationPreview) => void) | null;
}

interface Pair {
  label: 'ecab' | 'bare' | 'bare+fsync';
  one: Device;
  two: Device;
  /** Sends a command from device 1; resolves with its ack. */
  send: (command: ClientCommand) => Promise<{ ok: boolean }>;
  /** Ours: until device 2 has the durable event. The bare relays: until it has the event. */
  samples: number[];
  /** Ours: until device 2 has the preview (the durable event, where the preview was lost). */
  previews: number[];
  /** Ours: previews that never came (volatile: dropped by a busy socket). */
  lost: number;
  acks: number[];
  msgBytes: number;
  previewBytes: number;
}

function connect(url: string, token: string | null): Promise<Device> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: token ? { token, protocol: 1 } : {},
  });
  const device: Device = { socket, onEvents: null, onPreview: null };
  socket.on('meeting:events', (msg: EventsMessage) => device.onEvents?.(msg));
  socket.on('annotation:preview', (msg: AnnotationPreview) => device.onPreview?.(msg));
  return withTimeout(
    new Promise<Device>((resolve, reject) => {
      socket.once('connect', () => resolve(device));
      socket.once('connect_error', reject);
    }),
    10_000,
    'annotation device connect',
  );
}

/** Coordinates as a client sends them: points, two decimals. */
const c2 = (x: number) => Math.round(x * 100) / 100;

/** A pen stroke of `points` points: a handwritten-looking wave. */
function stroke(points: number, x0: number, y0: number, seed: number): number[] {
  const s: number[] = [];
  for (let i = 0; i < points; i++)
    s.push(
      c2(x0 + i * 0.9 + Math.sin(i / 3 + seed) * 2),
      c2(y0 + 18 * Math.sin(i / 11 + seed) + Math.cos(i / 2) * 1.5),
    );
  return s;
}

const QUOTE =
  'Tổng thu ngân sách nhà nước năm 2027 dự kiến đạt 2.035 nghìn tỷ đồng, tăng 8,2% so với ' +
  'ước thực hiện năm 2026; trong đó thu nội địa chiếm khoảng 84% tổng thu.';

/**
 * The i-th command of the sequence, the same for both servers: a highlight (3 lines with quote and
 * context), an ink drawing (3 strokes, 360 points), then an update moving that drawing, then one
 * editing the highlight’s comment.
 */
function commandOf(i: number, documentId: string, prefix: string): ClientCommand {
  const n = Math.floor(i / 4);
  const hl = `${prefix}h${n}`;
  const ink = `${prefix}k${n}`;
  const page = (n % 10) + 1;
  const inkShape = (dx: number) => ({
    kind: 'ink' as const,
    strokes: [
      stroke(150, 80 + dx, 400, n),
      stroke(120, 90 + dx, 360, n + 1),
      stroke(90, 100 + dx, 320, n + 2),
    ],
    width: 2,
  });
  switch (i % 4) {
    case 0:
      return {
        type: 'annotation.create',
        payload: {
          annotationId: hl,
          documentId,
          page,
          color: '#ffd400',
          text: 'Đề nghị làm rõ cơ sở dự báo tăng thu',
          shared: false,
          shape: {
            kind: 'highlight',
            rects: [
              { x: 72.5, y: 612.25, w: 451.2, h: 13.8 },
              { x: 72.5, y: 597.1, w: 451.2, h: 13.8 },
              { x: 72.5, y: 581.95, w: 210.4, h: 13.8 },
            ],
            quote: QUOTE,
            prefix: 'Dự toán thu ngân sách nhà nước. ',
            suffix: ' Thu từ dầu thô dự kiến',
          },
        },
      };
    case 1:
      return {
        type: 'annotation.create',
        payload: {
          annotationId: ink,
          documentId,
          page,
          color: '#d00000',
          text: '',
          shared: false,
          shape: inkShape(0),
        },
      };
    case 2:
      return { type: 'annotation.update', payload: { annotationId: ink, shape: inkShape(12.5) } };
    default:
      return {
        type: 'annotation.update',
        payload: { annotationId: hl, text: `Đề nghị làm rõ cơ sở dự báo tăng thu (lần ${n})` },
      };
  }
}

function annotationIdOf(msg: { events: EventsMessage['events'] | AnnotationPreview['events'] }) {
  for (const e of msg.events) {
    if (e.type === 'annotation.created') return e.payload.annotation.id;
    if (e.type === 'annotation.updated') return e.payload.annotationId;
  }
  return undefined;
}

/**
 * One sample: device 1 emits, device 2 receives the event about that annotation (and, from our
 * server, its preview before it).
 */
async function sample(pair: Pair, command: ClientCommand): Promise<void> {
  const id = (command.payload as { annotationId: string }).annotationId;
  let t0 = 0;
  let previewMs: number | null = null;
  pair.two.onPreview = (msg) => {
    if (previewMs !== null || annotationIdOf(msg) !== id) return;
    previewMs = performance.now() - t0;
    pair.previewBytes = Math.max(pair.previewBytes, Buffer.byteLength(JSON.stringify(msg)));
  };
  const received = new Promise<number>((resolve) => {
    pair.two.onEvents = (msg) => {
      if (annotationIdOf(msg) !== id) return;
      resolve(performance.now() - t0);
      // measured after the receipt is timed
      pair.msgBytes = Math.max(pair.msgBytes, Buffer.byteLength(JSON.stringify(msg)));
    };
  });
  t0 = performance.now();
  const acked = pair.send(command).then((ack) => {
    if (!ack.ok) throw new Error(`${pair.label}: ${command.type} refused: ${JSON.stringify(ack)}`);
    return performance.now() - t0;
  });
  const [latency, ackMs] = await withTimeout(
    Promise.all([received, acked]),
    SAMPLE_TIMEOUT_MS,
    `${pair.label}: ${command.type} ${id}`,
  );
  pair.two.onEvents = null;
  pair.two.onPreview = null;
  pair.samples.push(latency);
  pair.acks.push(ackMs);
  if (pair.label !== 'ecab') return;
  // sent before the durable event on the same socket: none by then means it was dropped, and
  // device 2 shows the annotation when the durable event comes
  if (previewMs === null) pair.lost++;
  pair.previews.push(previewMs ?? latency);
}

async function ourPair(deps: AnnotationDeps) {
  const server = deps.spawn('server(annotations)', './server-proc.ts');
  const setup = await server.call<{
    url: string;
    meetingId: string;
    documentId: string;
    username: string;
    password: string;
  }>('prepareAnnotations', { dataDir: join(deps.workDir, 'annotations-data') }, 60_000);
  // two devices: two sign-ins of the same delegate
  const tokens = [
    await login(setup.url, setup.username, setup.password),
    await login(setup.url, setup.username, setup.password),
  ];
  const [one, two] = await Promise.all(tokens.map((t) => connect(setup.url, t)));
  for (const d of [one!, two!]) {
    const ack = (await d.socket
      .timeout(10_000)
      .emitWithAck('meeting:join', { meetingId: setup.meetingId, sinceRev: null })) as JoinAck;
    if (!ack.ok) throw new Error(`annotations: join failed: ${ack.error.message}`);
  }
  let seq = 0;
  const pair: Pair = {
    label: 'ecab',
    one: one!,
    two: two!,
    send: (command) =>
      one!.socket.timeout(SAMPLE_TIMEOUT_MS).emitWithAck('command', {
        id: `bench-annotation-${++seq}`,
        meetingId: setup.meetingId,
        command,
      }) as Promise<{ ok: boolean }>,
    samples: [],
    previews: [],
    lost: 0,
    acks: [],
    msgBytes: 0,
    previewBytes: 0,
  };
  return { server, pair, documentId: setup.documentId };
}

async function barePair(deps: AnnotationDeps, durable: boolean) {
  const label = durable ? 'bare+fsync' : 'bare';
  const server = deps.spawn(`bare-server(annotations, ${label})`, './bare-server.ts');
  const { url } = await server.call<{ url: string }>('listen', null, 10_000);
  if (durable)
    await server.call('openJournal', { file: join(deps.workDir, 'bare-journal.jsonl') }, 10_000);
  const [one, two] = await Promise.all([connect(url, null), connect(url, null)]);
  for (const d of [one!, two!]) await d.socket.timeout(10_000).emitWithAck('join', {});
  let seq = 0;
  const pair: Pair = {
    label,
    one: one!,
    two: two!,
    send: (command) =>
      one!.socket.timeout(SAMPLE_TIMEOUT_MS).emitWithAck('relay', {
        id: `bench-annotation-${++seq}`,
        meetingId: 'm'.repeat(16),
        command,
      }) as Promise<{ ok: boolean }>,
    samples: [],
    previews: [],
    lost: 0,
    acks: [],
    msgBytes: 0,
    previewBytes: 0,
  };
  return { server, pair };
}

export async function annotationSync(deps: AnnotationDeps): Promise<Figure[]> {
  log('--- annotation sync: two devices of one delegate');
  const loadBefore = loadavg()[0]!;
  const ours = await ourPair(deps);
  const bare = await barePair(deps, false);
  const durable = await barePair(deps, true);
  const pairs = [ours.pair, bare.pair, durable.pair] as const;
  try {
    await sleep(SETTLE_MS);
    const started = performance.now();
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      // interleaved, the order turned every sample, so that the machine weighs on all alike
      for (let k = 0; k < pairs.length; k++) {
        const pair = pairs[(i + k) % pairs.length]!;
        await sample(pair, commandOf(i, ours.documentId, 'a'));
        await sleep(PACE_MS);
      }
      if (i === WARMUP - 1)
        for (const p of pairs) {
          p.samples.length = 0;
          p.previews.length = 0;
          p.lost = 0;
          p.acks.length = 0;
        }
    }
    log(
      `annotations: ${WARMUP}+${SAMPLES} samples on each side in ` +
        `${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    for (const p of pairs) for (const d of [p.one, p.two]) d.socket.close();
    await deps.stop(ours.server);
    await deps.stop(bare.server);
    await deps.stop(durable.server);
  }
  const q = (p: Pair, pct: number) => round2(percentile(p.samples, pct));
  const qp = (p: Pair, pct: number) => round2(percentile(p.previews, pct));
  for (const p of pairs) {
    p.samples.sort((a, b) => a - b);
    p.previews.sort((a, b) => a - b);
    p.acks.sort((a, b) => a - b);
    const preview =
      p.label === 'ecab'
        ? `preview p50 ${qp(p, 50)} ms, p99 ${qp(p, 99)} ms, ` +
          `max ${round2(p.previews.at(-1) ?? NaN)} ms (${p.lost} lost); durable `
        : '';
    log(
      `${p.label}: annotation sync ${preview}p50 ${q(p, 50)} ms, p99 ${q(p, 99)} ms, ` +
        `max ${round2(p.samples.at(-1) ?? NaN)} ms, ack p50 ${round2(percentile(p.acks, 50))} ms, ` +
        `largest event ${p.msgBytes} B`,
    );
  }
  const [e, b, d] = pairs;
  const setup =
    `${SAMPLES} samples per server (after ${WARMUP} warm-up), interleaved, ${PACE_MS} ms apart: ` +
    `device 1 of a delegate sends annotation.create (highlight: 3 lines, ${QUOTE.length}-char ` +
    `quote; ink: 3 strokes, 360 points) and annotation.update (the ink moved, the comment ` +
    `edited), device 2 (another sign-in of the same delegate) receives it. Load average ` +
    `${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end ` +
    `(${availableParallelism()} CPUs).`;
  const previewNote =
    `${setup} Ours: the volatile annotation:preview (up to ${e.previewBytes} B), sent as soon as ` +
    `the command is decided, before the journal write: what device 2 shows; not a promise (no ` +
    `revision, may be lost: ${e.lost} of ${e.previews.length} were, and count at the durable ` +
    `event's time). Bare: the Socket.IO relay acks and sends a same-sized event (${b.msgBytes} ` +
    `B). The durable event is annotation_durable_*.`;
  const durableNote =
    `${setup} Ours: the durable meeting:events (up to ${e.msgBytes} B), sent once the journal ` +
    `is fdatasynced (an ack is a promise), p50 ${q(e, 50)} ms, p99 ${q(e, 99)} ms; ack p50 ` +
    `${round2(percentile(e.acks, 50))} ms. Baseline: the bare relay appending each command to a ` +
    `file and fdatasyncing it before acking and relaying (the least keeping that promise costs), ` +
    `same run, interleaved. Beside the bare relay without fdatasync (p99 ${q(b, 99)} ms) the ` +
    `durable event's p99 ratio is ${round2(q(e, 99) / q(b, 99))}.`;
  const p99 = qp(e, 99);
  const p99Base = q(b, 99);
  const durableP99 = q(e, 99);
  const durableBase = q(d, 99);
  return [
    figure({
      name: 'annotation_sync_p50_ms',
      value: qp(e, 50),
      unit: 'ms',
      baseline: q(b, 50),
      note: previewNote,
    }),
    figure({
      name: 'annotation_sync_p99_ms',
      value: p99,
      unit: 'ms',
      baseline: p99Base,
      target: `ratio <= ${TARGET_P99_RATIO}`,
      met: p99 / p99Base <= TARGET_P99_RATIO,
      note:
        'from device 1’s emit to device 2’s preview (not yet on disk), beside the bare relay; ' +
        'see annotation_sync_p50_ms for the setup',
    }),
    figure({
      name: 'annotation_durable_p50_ms',
      value: q(e, 50),
      unit: 'ms',
      baseline: q(d, 50),
      note: durableNote,
    }),
    figure({
      name: 'annotation_durable_p99_ms',
      value: durableP99,
      unit: 'ms',
      baseline: durableBase,
      target: `ratio <= ${TARGET_P99_RATIO}`,
      met: durableP99 / durableBase <= TARGET_P99_RATIO,
      note:
        'from device 1’s emit to device 2’s durable event (on disk), beside the bare relay ' +
        'that fdatasyncs before acking: what our server adds beyond the disk write an ack ' +
        'promises; see annotation_durable_p50_ms',
    }),
  ];
}
