// Pack distribution: CLIENTS devices download a meeting pack of at least 20 MB at once, each
// with the app's pack sync (bench/pack-clients.ts), from our server and, beside it in the same run,
// from a bare node:http static file server serving the same files (bench/bare-files.ts); rounds
// alternate between the two. Then a republish with one document replaced: every device syncs
// again with its warm cache, and only the new document's bytes may move.
//
// The pack's PDFs are generated here, into the work folder: pages carrying random (so
// incompressible, so real-sized) RGB images, each file distinct; plus freeculture.pdf from the
// shared corpus when it is there. They go through the real upload route as the secretary.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
} from '@cantoo/pdf-lib';
import { io, type Socket } from 'socket.io-client';
import type { CommandAck, DocumentInfo, JoinAck } from '../core/index.ts';
import type { DeviceSync } from './pack-clients.ts';
import {
  figure,
  inBatches,
  log,
  login,
  percentile,
  round2,
  withTimeout,
  type Child,
  type ChildSet,
  type Figure,
  type MemoryReport,
  type ProcessTime,
  type Served,
} from './lib.ts';

const CLIENTS = Number(process.env.BENCH_PACK_CLIENTS ?? 200);
/** Client processes: enough that the devices' side (hashing, parsing) is not the bottleneck. */
const PROCESSES = 4;
/** Generated documents: pages of random RGB images, ~3.1 MB each; with freeculture.pdf ≥ 20 MB. */
const GENERATED = 6;
const PAGES = 2;
const IMAGE = { width: 1000, height: 520 };
const MIN_PACK_BYTES = 20 * 1024 * 1024;
/** Rounds in pairs, one of each server, alternating which goes first. */
const PAIRS = [
  ['ecab', 'bare'],
  ['bare', 'ecab'],
  ['ecab', 'bare'],
] as const;
/**
 * A further pair only if it should end within this long from the first round (at the pairs' mean
 * so far): on a busy machine, where a round takes 30 s or more, there is one pair and the bench
 * stays around 2 minutes.
 */
const ROUNDS_BUDGET_MS = 60_000;
/** A round on a very busy machine (load average 25 on 2 CPUs) took 90 s. */
const SYNC_TIMEOUT_MS = 150_000;
const TARGETS = { throughputRatio: 0.8 };
const CORPUS_PDF = fileURLToPath(
  new URL('../../shared/corpus/pdf/freeculture.pdf', import.meta.url),
);

export interface PackDeps {
  children: ChildSet;
  /** A temporary folder, removed by the caller. */
  workDir: string;
  /** BENCH_PROFILE: where our server's CPU profile of its rounds goes. */
  profileFile: string | null;
}

interface PackSetup {
  url: string;
  meetingId: string;
  itemId: string;
  blobDir: string;
  userIds: string[];
  usernames: string[];
  password: string;
}

interface PackDoc {
  id: string;
  sha256: string;
  size: number;
  name: string;
}

interface Round {
  mode: 'ecab' | 'bare';
  wallMs: number;
  bytes: number;
  devices: DeviceSync[];
  /** CPU time the server, and all client processes together, used during the round. */
  serverCpuMs: number;
  serverGcMs: number;
  serverMajorGcMs: number;
  clientsCpuMs: number;
}

/** A PDF of `PAGES` pages, each a random RGB image under a title: its bytes do not compress. */
async function generatePdf(title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= PAGES; p++) {
    const page = doc.addPage([595, 842]);
    const image = doc.context.register(
      doc.context.stream(randomBytes(IMAGE.width * IMAGE.height * 3), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: IMAGE.width,
        Height: IMAGE.height,
        ColorSpace: 'DeviceRGB',
        BitsPerComponent: 8,
      }),
    );
    const name = page.node.newXObject('Im', image);
    const w = 495;
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(w, 0, 0, (w * IMAGE.height) / IMAGE.width, 50, 400),
      drawObject(name),
      popGraphicsState(),
    );
    page.drawText(`${title}, page ${p} of ${PAGES}`, { x: 50, y: 780, size: 14, font });
  }
  return doc.save({ useObjectStreams: false });
}

/** Writes the pack's PDFs (and the replacement for the republish) into `dir`. */
async function makePdfs(dir: string): Promise<{ pack: string[]; replacement: string }> {
  await mkdir(dir, { recursive: true });
  const pack: string[] = [];
  for (let i = 1; i <= GENERATED + 1; i++) {
    const file = join(dir, i <= GENERATED ? `to-trinh-${i}.pdf` : `to-trinh-2-sua-doi.pdf`);
    const title = i <= GENERATED ? `Bench document ${i}` : 'Bench document 2, revised';
    await writeFile(file, await generatePdf(title));
    if (i <= GENERATED) pack.push(file);
  }
  if (existsSync(CORPUS_PDF)) pack.push(CORPUS_PDF);
  else log(`pack: ${CORPUS_PDF} is not there; the pack is the generated documents only`);
  return { pack, replacement: join(dir, 'to-trinh-2-sua-doi.pdf') };
}

/** The real upload route, as the secretary: POST /api/meetings/:id/items/:itemId/documents. */
async function upload(setup: PackSetup, token: string, file: string): Promise<PackDoc> {
  const form = new FormData();
  const name = file.split('/').pop()!;
  form.append('file', new Blob([await readFile(file)], { type: 'application/pdf' }), name);
  const res = await fetch(
    `${setup.url}/api/meetings/${setup.meetingId}/items/${setup.itemId}/documents`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
      signal: AbortSignal.timeout(60_000),
    },
  );
  if (res.status !== 201) throw new Error(`upload ${name}: HTTP ${res.status} ${await res.text()}`);
  const { document } = (await res.json()) as { document: DocumentInfo };
  return { id: document.id, sha256: document.sha256, size: document.size, name: document.name };
}

/** The secretary's live connection: the meeting's documents as the app sees them, and commands. */
class Secretary {
  readonly socket: Socket;
  #seq = 0;
  constructor(url: string, token: string) {
    this.socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { token, protocol: 1 },
    });
  }

  connect(): Promise<void> {
    return withTimeout(
      new Promise<void>((resolve, reject) => {
        this.socket.once('connect', resolve);
        this.socket.once('connect_error', reject);
      }),
      10_000,
      'secretary connect',
    );
  }

  /** The meeting's documents in a fresh snapshot (what useMeetingPack hands to syncPack). */
  async documents(meetingId: string): Promise<PackDoc[]> {
    const ack = (await this.socket
      .timeout(10_000)
      .emitWithAck('meeting:join', { meetingId, sinceRev: null })) as JoinAck;
    if (!ack.ok || ack.mode !== 'snapshot') throw new Error('secretary: expected a snapshot');
    await this.socket.timeout(10_000).emitWithAck('meeting:leave', { meetingId });
    return Object.values(ack.snapshot.documents).map((d) => ({
      id: d.id,
      sha256: d.sha256,
      size: d.size,
      name: d.name,
    }));
  }

  async command(meetingId: string, command: object): Promise<void> {
    const ack = (await this.socket.timeout(10_000).emitWithAck('command', {
      id: `pack-secretary-${++this.#seq}`,
      meetingId,
      command,
    })) as CommandAck;
    if (!ack.ok) throw new Error(`secretary: ${ack.error.code} ${ack.error.message}`);
  }
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mib = (bytes: number) => bytes / 1024 / 1024;

/** Every device synced the same documents: throws on the first one that did not. */
function checkDevices(devices: DeviceSync[], docs: number, bytes: number, what: string): void {
  if (devices.length !== CLIENTS)
    throw new Error(`${what}: ${devices.length} devices answered, expected ${CLIENTS}`);
  for (const [i, d] of devices.entries()) {
    if (d.failed > 0 || d.requests !== docs || d.bytes !== bytes)
      throw new Error(
        `${what}: device ${i} made ${d.requests} requests for ${d.bytes} bytes (${d.failed} ` +
          `failed); expected ${docs} requests for ${bytes} bytes`,
      );
  }
}

/** The server sent each expected file once per device, in full, and nothing else. */
function checkServed(served: Served, expect: PackDoc[], what: string): number {
  const want = new Map(expect.map((d) => [`file ${d.sha256} 200`, d.size]));
  for (const [key, s] of Object.entries(served)) {
    const size = want.get(key);
    if (size === undefined)
      throw new Error(`${what}: the server also served ${key} (${s.responses} responses)`);
    if (s.responses !== CLIENTS || s.bodyBytes !== CLIENTS * size)
      throw new Error(
        `${what}: ${key}: ${s.responses} responses of ${s.bodyBytes} bytes, ` +
          `expected ${CLIENTS} of ${size}`,
      );
    want.delete(key);
  }
  if (want.size > 0) throw new Error(`${what}: the server never served ${[...want.keys()][0]}`);
  return sum(Object.values(served).map((s) => s.wireBytes));
}

export async function packDistribution(deps: PackDeps): Promise<Figure[]> {
  const started = performance.now();
  log(`--- pack distribution: ${CLIENTS} devices in ${PROCESSES} processes`);
  const pdfDir = join(deps.workDir, 'pack-pdfs');
  const files = await makePdfs(pdfDir);
  log(
    `pack: ${files.pack.length} PDFs (+1 replacement) in ${Math.round(performance.now() - started)} ms`,
  );

  const server = deps.children.spawn('server(pack)', './server-proc.ts', ['--expose-gc']);
  const procs: Child[] = [];
  let bare: Child | undefined;
  let secretary: Secretary | undefined;
  try {
    const setup = await server.call<PackSetup>(
      'preparePack',
      { dataDir: join(deps.workDir, 'pack-data'), clients: CLIENTS },
      120_000,
    );
    const [secretaryToken, ...tokens] = await inBatches(setup.usernames, 20, (u) =>
      login(setup.url, u, setup.password),
    );
    const uploaded: PackDoc[] = [];
    for (const file of files.pack) uploaded.push(await upload(setup, secretaryToken!, file));
    secretary = new Secretary(setup.url, secretaryToken!);
    await secretary.connect();
    const docs = await secretary.documents(setup.meetingId);
    const packBytes = sum(docs.map((d) => d.size));
    if (docs.length !== uploaded.length || new Set(docs.map((d) => d.sha256)).size !== docs.length)
      throw new Error(
        `pack: the meeting holds ${docs.length} distinct documents, uploaded ${uploaded.length}`,
      );
    if (packBytes < MIN_PACK_BYTES)
      throw new Error(`pack: only ${round2(mib(packBytes))} MB, expected at least 20 MB`);
    log(
      `pack: ${docs.length} documents, ${round2(mib(packBytes))} MB, uploaded over HTTP as the ` +
        `secretary; ${CLIENTS} logins done`,
    );

    const bareProfile = deps.profileFile
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${dirname(deps.profileFile)}`,
          '--cpu-prof-name=bare-files-pack.cpuprofile',
        ]
      : [];
    bare = deps.children.spawn('bare-files(pack)', './bare-files.ts', [
      '--expose-gc',
      ...bareProfile,
    ]);
    const { url: bareUrl } = await bare.call<{ url: string }>(
      'listen',
      { blobDir: setup.blobDir },
      10_000,
    );
    const per = Math.ceil(tokens.length / PROCESSES);
    for (let i = 0; i < PROCESSES; i++)
      procs.push(deps.children.spawn(`pack-clients${i}`, './pack-clients.ts', ['--expose-gc']));
    await Promise.all(
      procs.map((p, i) =>
        p.call(
          'setup',
          {
            tokens: tokens.slice(i * per, (i + 1) * per),
            userIds: setup.userIds.slice(1).slice(i * per, (i + 1) * per),
            meetingId: setup.meetingId,
          },
          10_000,
        ),
      ),
    );
    await server.call('served', null, 10_000); // the uploads and logins: not counted
    const origin = { ecab: setup.url, bare: bareUrl };
    const servers = { ecab: server, bare };

    /** Every device syncs `documents` at once; the wall time is from the calls to the last. */
    let profiles = 0;
    const cpu = async (mode: Round['mode']) => {
      const [srv, ...cl] = await Promise.all(
        [servers[mode], ...procs].map((c) => c.call<ProcessTime>('cpu', null, 10_000)),
      );
      return { server: srv!, clients: sum(cl.map((c) => c.cpuMs)) };
    };
    const syncAll = async (mode: Round['mode'], documents: PackDoc[]): Promise<Round> => {
      const cpu0 = await cpu(mode);
      if (mode === 'ecab' && deps.profileFile) await server.call('profileStart', null, 10_000);
      const t0 = performance.now();
      const perProc = await Promise.all(
        procs.map((p) =>
          p.call<DeviceSync[]>(
            'sync',
            {
              origin: origin[mode],
              documents: documents.map(({ sha256, size }) => ({ sha256, size })),
              timeoutMs: SYNC_TIMEOUT_MS,
            },
            SYNC_TIMEOUT_MS + 10_000,
          ),
        ),
      );
      const wallMs = performance.now() - t0;
      if (mode === 'ecab' && deps.profileFile) {
        const file = deps.profileFile.replace(/\.cpuprofile$/, `-${++profiles}.cpuprofile`);
        await server.call('profileStop', { file }, 30_000);
        log(`pack: our server's CPU profile of the round in ${file}`);
      }
      const cpu1 = await cpu(mode);
      const devices = perProc.flat();
      return {
        mode,
        wallMs,
        bytes: sum(devices.map((d) => d.bytes)),
        devices,
        serverCpuMs: cpu1.server.cpuMs - cpu0.server.cpuMs,
        serverGcMs: cpu1.server.gcMs - cpu0.server.gcMs,
        serverMajorGcMs: cpu1.server.majorGcMs - cpu0.server.majorGcMs,
        clientsCpuMs: cpu1.clients - cpu0.clients,
      };
    };

    const rounds: Round[] = [];
    const wire = { ecab: 0, bare: 0 };
    const roundsStarted = performance.now();
    const load = [loadavg()[0]!];
    const order = PAIRS.flatMap((pair, i) => pair.map((mode) => ({ mode, pair: i })));
    for (const { mode, pair } of order) {
      const elapsed = performance.now() - roundsStarted;
      if (pair > 0 && mode === PAIRS[pair]![0] && elapsed + elapsed / pair > ROUNDS_BUDGET_MS) {
        log(`pack: no more rounds, ${pair} pair(s) took ${Math.round(elapsed)} ms`);
        break;
      }
      await Promise.all(procs.map((p) => p.call('forget', null, 10_000)));
      const r = await syncAll(mode, docs);
      checkDevices(r.devices, docs.length, packBytes, `${mode} round`);
      const served = await servers[mode].call<Served>('served', null, 10_000);
      wire[mode] += checkServed(served, docs, `${mode} round`);
      rounds.push(r);
      const ms = r.devices.map((d) => d.ms).sort((a, b) => a - b);
      log(
        `pack ${mode}: ${round2(mib(r.bytes))} MB in ${Math.round(r.wallMs)} ms = ` +
          `${round2(mib(r.bytes) / (r.wallMs / 1000))} MB/s; per device p50 ` +
          `${Math.round(percentile(ms, 50))} ms, p99 ${Math.round(percentile(ms, 99))} ms; CPU ` +
          `server ${Math.round(r.serverCpuMs)} ms (GC ${Math.round(r.serverGcMs)} ms, full ${Math.round(r.serverMajorGcMs)} ms), clients ${Math.round(r.clientsCpuMs)} ms; load ` +
          `average ${loadavg()[0]!.toFixed(1)}`,
      );
    }

    // the republish: the secretary uploads a revised document 2 and removes the old one
    const old = docs.find((d) => d.name === 'to-trinh-2.pdf') ?? docs[0]!;
    const revised = await upload(setup, secretaryToken!, files.replacement);
    await secretary.command(setup.meetingId, {
      type: 'document.remove',
      payload: { documentId: old.id },
    });
    const after = await secretary.documents(setup.meetingId);
    const added = after.filter((d) => !docs.some((o) => o.sha256 === d.sha256));
    if (after.length !== docs.length || added.length !== 1 || added[0]!.sha256 !== revised.sha256)
      throw new Error('republish: the meeting does not hold the pack with document 2 replaced');
    await server.call('served', null, 10_000); // the upload: not counted
    const re = await syncAll('ecab', after);
    const reServed = await server.call<Served>('served', null, 10_000);
    let reWire = sum(Object.values(reServed).map((s) => s.wireBytes));
    let reProblem: string | null = null;
    try {
      checkDevices(re.devices, 1, revised.size, 'republish');
      reWire = checkServed(reServed, [revised], 'republish');
    } catch (err) {
      reProblem = (err as Error).message;
      log(`pack republish: ${reProblem}`);
    }
    const cached = new Set(re.devices.map((d) => d.cached));
    const afterBytes = sum(after.map((d) => d.size));
    log(
      `pack republish: ${re.bytes} bytes moved in total (${revised.size} per device) in ` +
        `${Math.round(re.wallMs)} ms; the server sent ${reWire} bytes (headers included)`,
    );
    const memory = await Promise.all(
      procs.map((p) => p.call<{ maxRss: number }>('memory', null, 10_000)),
    );
    const maxRssMb = round2(mib(Math.max(...memory.map((m) => m.maxRss))));
    const serverMemory = await server.call<MemoryReport>('memory', null, 30_000);
    const serverRssMb = round2(mib(serverMemory.rss));
    const serverHeapMb = round2(mib(serverMemory.heapUsed));
    const bareHeapMb = round2(
      mib((await bare.call<MemoryReport>('memory', null, 30_000)).heapUsed),
    );
    log(`pack: done in ${Math.round((performance.now() - started) / 1000)} s`);

    return figures({
      rounds,
      docs,
      packBytes,
      wire,
      revised,
      old,
      re,
      reWire,
      reProblem,
      cachedOk: cached.size === 1 && cached.has(afterBytes + old.size),
      load: [load[0]!, loadavg()[0]!],
      maxRssMb,
      serverRssMb,
      serverHeapMb,
      bareHeapMb,
    });
  } finally {
    secretary?.socket.close();
    for (const p of procs) await deps.children.stop(p);
    if (bare) await deps.children.stop(bare);
    await deps.children.stop(server);
    await rm(pdfDir, { recursive: true, force: true });
  }
}

function figures(r: {
  rounds: Round[];
  docs: PackDoc[];
  packBytes: number;
  wire: { ecab: number; bare: number };
  revised: PackDoc;
  old: PackDoc;
  re: Round;
  reWire: number;
  reProblem: string | null;
  cachedOk: boolean;
  maxRssMb: number;
  serverRssMb: number;
  serverHeapMb: number;
  bareHeapMb: number;
  /** Load average (1 min) before the first round and after the republish. */
  load: [number, number];
}): Figure[] {
  const side = (mode: Round['mode']) => {
    const rs = r.rounds.filter((x) => x.mode === mode);
    const ms = rs.flatMap((x) => x.devices.map((d) => d.ms)).sort((a, b) => a - b);
    const bytes = sum(rs.map((x) => x.bytes));
    const wallMs = sum(rs.map((x) => x.wallMs));
    return {
      rounds: rs.length,
      mbps: round2(mib(bytes) / (wallMs / 1000)),
      perRound: rs.map((x) => round2(mib(x.bytes) / (x.wallMs / 1000))),
      serverCpuMs: Math.round(sum(rs.map((x) => x.serverCpuMs)) / rs.length),
      serverGcMs: Math.round(sum(rs.map((x) => x.serverGcMs)) / rs.length),
      serverMajorGcMs: Math.round(sum(rs.map((x) => x.serverMajorGcMs)) / rs.length),
      clientsCpuMs: Math.round(sum(rs.map((x) => x.clientsCpuMs)) / rs.length),
      p50: round2(percentile(ms, 50)),
      p99: round2(percentile(ms, 99)),
    };
  };
  const ours = side('ecab');
  const bare = side('bare');
  const ratio = ours.mbps / bare.mbps;
  const setupNote =
    `${CLIENTS} devices in ${PROCESSES} processes, each with its own session token, keep-alive ` +
    `connection pool and cache, download a pack of ${r.docs.length} PDFs ` +
    `(${round2(mib(r.packBytes))} MB, MB = 2^20 bytes) at once with the app's syncPack (one ` +
    `document at a time, each hashed as it streams in and checked against its SHA-256); ` +
    `aggregate = all devices' bytes / wall time from the start call to the last device done, ` +
    `over ${ours.rounds} round(s) per server interleaved (${r.rounds.map((x) => x.mode).join(', ')}; ` +
    `up to ${PAIRS.length} pairs, a further one only if it should end within ` +
    `${ROUNDS_BUDGET_MS / 1000} s of the first round), cold caches. ` +
    `Per round: ours ${ours.perRound.join(', ')} MB/s; bare ${bare.perRound.join(', ')} MB/s. ` +
    `CPU per round (mean): our server ${ours.serverCpuMs} ms (GC pauses ${ours.serverGcMs} ms, of ` +
    `which full ${ours.serverMajorGcMs} ms), the bare one ${bare.serverCpuMs} ms (GC ` +
    `${bare.serverGcMs} ms, full ${bare.serverMajorGcMs} ms); ` +
    `the client processes ${ours.clientsCpuMs} ms (ours), ${bare.clientsCpuMs} ms (bare). ` +
    `Ours: GET /api/meetings/:id/files/:sha256 (session check, meeting lookup, file stream); ` +
    `baseline: a bare node:http static file server (bench/bare-files.ts) serving the same files ` +
    `at the same paths with the same headers. Each server sent each file exactly once per device ` +
    `and nothing else (counted at the server: ours ${round2(mib(r.wire.ecab))} MB on the wire, ` +
    `bare ${round2(mib(r.wire.bare))} MB). Peak RSS of a client process ${r.maxRssMb} MB; our ` +
    `server's RSS after the rounds ${r.serverRssMb} MB, heap used ${r.serverHeapMb} MB (the bare server's ${r.bareHeapMb} MB). Load average ${r.load[0].toFixed(1)} before ` +
    `the rounds, ${r.load[1].toFixed(1)} after (${availableParallelism()} CPUs): the wall time is ` +
    `what CPU the machine leaves, so compare the ratio of interleaved rounds.`;
  const perDevice = r.re.devices.map((d) => d.bytes);
  const exact =
    r.reProblem === null &&
    perDevice.every((b) => b === r.revised.size) &&
    r.re.devices.every((d) => d.requests === 1) &&
    r.cachedOk;
  const reNote =
    `the secretary uploads a revised document (${r.revised.size} bytes) and removes the old one ` +
    `(${r.old.size} bytes); every device syncs again with its warm cache. Counted ` +
    `at the devices: 1 request and ${r.revised.size} body bytes each, in ${Math.round(r.re.wallMs)} ` +
    `ms; at the server: only that file, ${CLIENTS} times, ${r.reWire} bytes on the wire ` +
    `(headers included).${r.reProblem ? ` NOT AS EXPECTED: ${r.reProblem}` : ''}`;
  return [
    figure({
      name: 'pack_throughput_mb_s',
      value: ours.mbps,
      unit: 'MB/s',
      baseline: bare.mbps,
      target: `ratio >= ${TARGETS.throughputRatio}`,
      met: ratio >= TARGETS.throughputRatio,
      note: setupNote,
    }),
    figure({
      name: 'pack_device_p50_ms',
      value: ours.p50,
      unit: 'ms',
      baseline: bare.p50,
      note: 'per-device time from the start call to its last document stored, over all rounds; see pack_throughput_mb_s',
    }),
    figure({
      name: 'pack_device_p99_ms',
      value: ours.p99,
      unit: 'ms',
      baseline: bare.p99,
      note: 'see pack_device_p50_ms',
    }),
    figure({
      name: 'pack_republish_bytes_per_device',
      value: Math.max(...perDevice),
      unit: 'B',
      baseline: r.revised.size,
      target: '= the new document’s size',
      met: exact,
      note: `the most any device moved; baseline: the new document's size. ${reNote}`,
    }),
    figure({
      name: 'pack_republish_bytes_total',
      value: r.re.bytes,
      unit: 'B',
      baseline: r.revised.size * CLIENTS,
      target: `= ${CLIENTS} x the new document’s size`,
      met: r.re.bytes === r.revised.size * CLIENTS && exact,
      note: `all ${CLIENTS} devices; see pack_republish_bytes_per_device`,
    }),
  ];
}
