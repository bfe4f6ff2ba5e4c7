// Small helpers shared by the benchmark processes: a request/response channel over Node's IPC,
// timeouts, percentiles and progress logging (stderr only: stdout carries the JSON figures).
import { fork, type ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { flushCompileCache } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { constants as perf, PerformanceObserver } from 'node:perf_hooks';

export const log = (msg: string): void => {
  process.stderr.write(`[bench ${process.pid}] ${msg}\n`);
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves true when `p` settles within `ms`, false otherwise; leaves no timer behind. */
export function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
  return Promise.race([p.then(() => true), late]).finally(() => clearTimeout(timer));
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** One benchmark figure, printed as a JSON line. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target?: string;
  met?: boolean;
  note?: string;
}

export function figure(f: Omit<Figure, 'ratio'>): Figure {
  const { name, value, unit, baseline, ...rest } = f;
  const ratio = baseline ? round2(value / baseline) : null;
  return { name, value, unit, baseline, ratio, ...rest };
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The soft limit on open files of this process (children inherit it), or null if unknown. */
export function openFileLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    if (soft === undefined) return null;
    return soft === 'unlimited' ? Infinity : Number(soft);
  } catch {
    return null;
  }
}

/** Runs `body` on the first of `items`, `width` at a time; bounded by the number of items. */
export async function inBatches<T, R>(
  items: readonly T[],
  width: number,
  body: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    const chunk = items.slice(i, i + width);
    out.push(...(await Promise.all(chunk.map((item, j) => body(item, i + j)))));
  }
  return out;
}

interface RpcRequest {
  rpc: number;
  method: string;
  args: unknown;
}
interface RpcReply {
  rpc: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

type Handler = (args: never) => unknown;

/**
 * In a child process: answers the parent's calls. When the parent asks it to exit, or goes away
 * (the IPC channel closes, also when it is killed), the child runs `onExit` and exits, so nothing
 * is left behind; `orphaned` tells the second case.
 */
export function serveRpc(
  handlers: Record<string, Handler>,
  onExit: (orphaned: boolean) => Promise<void> | void = () => undefined,
): void {
  let exiting = false;
  const exit = (code: number, orphaned = false) => {
    if (exiting) return;
    exiting = true;
    const hardStop = setTimeout(() => process.exit(code), 5_000);
    hardStop.unref();
    Promise.resolve()
      .then(() => onExit(orphaned))
      .catch((err: unknown) => log(`cleanup failed: ${String(err)}`))
      .finally(() => process.exit(code));
  };
  process.on('message', (raw) => {
    const req = raw as RpcRequest;
    const reply = (r: Omit<RpcReply, 'rpc'>) => {
      if (process.connected) process.send?.({ rpc: req.rpc, ...r });
    };
    const handler = handlers[req.method];
    if (req.method === 'exit') {
      reply({ ok: true });
      exit(0);
      return;
    }
    if (!handler) {
      reply({ ok: false, error: `no such method: ${req.method}` });
      return;
    }
    Promise.resolve()
      .then(() => (handler as (a: unknown) => unknown)(req.args))
      .then(
        (result) => reply({ ok: true, result }),
        (err: unknown) =>
          reply({ ok: false, error: err instanceof Error ? err.stack : String(err) }),
      );
  });
  // the process's modules are loaded now: their compile cache is written at once, not only at exit
  flushCompileCache();
  process.on('disconnect', () => exit(0, true));
  process.on('SIGTERM', () => exit(0, true));
  process.on('SIGINT', () => exit(0, true));
}

/** In the parent: a benchmark child process that answers calls (see serveRpc). */
export class Child {
  readonly name: string;
  readonly proc: ChildProcess;
  #next = 1;
  readonly #waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  #exited: Promise<void>;
  #stopping = false;

  constructor(name: string, file: URL, execArgv: string[] = []) {
    this.name = name;
    // the child's stdout goes to our stderr: our stdout carries only the JSON figures
    // Node's compile cache on, as `npm run serve` turns it on for the server (server/serve.mjs):
    // warm, no process loads Node's TypeScript stripper (~25 MB that it keeps), ours and the bare
    // servers alike (NODE_COMPILE_CACHE=<folder>: another folder; NODE_DISABLE_COMPILE_CACHE=1: off)
    const env = {
      ...process.env,
      NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache'),
    };
    this.proc = fork(file, [], { execArgv, env, stdio: ['ignore', 2, 'inherit', 'ipc'] });
    this.proc.on('message', (raw) => {
      const r = raw as RpcReply;
      const w = this.#waiting.get(r.rpc);
      if (!w) return;
      this.#waiting.delete(r.rpc);
      if (r.ok) w.resolve(r.result);
      else w.reject(new Error(`${this.name}: ${r.error ?? 'failed'}`));
    });
    this.#exited = new Promise((resolve) => {
      this.proc.once('exit', (code, signal) => {
        if (!this.#stopping)
          log(`${this.name} exited unexpectedly (code ${code}, signal ${signal})`);
        for (const w of this.#waiting.values())
          w.reject(new Error(`${this.name} exited (code ${code}, signal ${signal})`));
        this.#waiting.clear();
        resolve();
      });
    });
  }

  call<T>(method: string, args: unknown, timeoutMs: number): Promise<T> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null)
      return Promise.reject(new Error(`${this.name} is not running`));
    const rpc = this.#next++;
    const p = new Promise<T>((resolve, reject) => {
      this.#waiting.set(rpc, { resolve: resolve as (v: unknown) => void, reject });
      this.proc.send({ rpc, method, args } satisfies RpcRequest);
    });
    return withTimeout(p, timeoutMs, `${this.name}.${method}`).catch((err: unknown) => {
      this.#waiting.delete(rpc);
      throw err;
    });
  }

  /** Asks the child to clean up and exit; kills it if it does not within a few seconds. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    if (this.proc.connected) this.proc.send({ rpc: 0, method: 'exit', args: null });
    const gone = await settlesWithin(this.#exited, 8_000);
    if (!gone) {
      this.proc.kill('SIGKILL');
      await this.#exited;
    }
  }

  /** Synchronous last resort (process exit handler). */
  killNow(): void {
    this.#stopping = true;
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}

/**
 * The benchmark's child processes: started by file name (relative to bench/), stopped one by one
 * or all together, and killed at once by `killNow` (the exit handler's last resort), so that a run
 * that fails or is interrupted leaves none behind.
 */
export class ChildSet {
  readonly #children: Child[] = [];

  spawn(name: string, file: string, execArgv: string[] = []): Child {
    const child = new Child(name, new URL(file, import.meta.url), execArgv);
    this.#children.push(child);
    return child;
  }

  async stop(child: Child): Promise<void> {
    const i = this.#children.indexOf(child);
    if (i >= 0) this.#children.splice(i, 1);
    await child.stop();
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.#children.splice(0).map((c) => c.stop()));
  }

  killNow(): void {
    for (const c of this.#children) c.killNow();
  }
}

export interface MemoryReport {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  sockets: number;
}

/** What the servers report when asked for memory: after a full GC when run with --expose-gc. */
export function memoryReport(sockets: number): MemoryReport {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    sockets,
  };
}

/** What an HTTP server sent, per route: a document file counts under `file <sha256>`. */
export type Served = Record<string, { responses: number; bodyBytes: number; wireBytes: number }>;

/**
 * Counts every response this process's HTTP servers finish (node:diagnostics_channel), by route,
 * with its Content-Length and the bytes its socket sent for it (headers included). `take()`
 * returns the counts since the last take.
 */
export function countServed(): { take: () => Served } {
  let served: Served = {};
  const sentBefore = new WeakMap<Socket, number>();
  subscribe('http.server.response.finish', (raw) => {
    const { request, response, socket } = raw as {
      request: IncomingMessage;
      response: ServerResponse;
      socket: Socket;
    };
    const path = (request.url ?? '').split('?')[0]!;
    const file = /\/files\/([a-f0-9]{64})$/.exec(path);
    const key = file
      ? `file ${file[1]} ${response.statusCode}`
      : `${request.method} ${path} ${response.statusCode}`;
    const sent = socket.bytesWritten;
    const wire = sent - (sentBefore.get(socket) ?? 0);
    sentBefore.set(socket, sent);
    const entry = (served[key] ??= { responses: 0, bodyBytes: 0, wireBytes: 0 });
    entry.responses += 1;
    entry.bodyBytes += Number(response.getHeader('content-length') ?? 0);
    entry.wireBytes += wire;
  });
  return {
    take() {
      const out = served;
      served = {};
      return out;
    },
  };
}

/** CPU time (user + system) this process used so far, and the part of it V8 spent collecting garbage. */
export interface ProcessTime {
  cpuMs: number;
  gcMs: number;
  /** Of gcMs, the full (mark-compact) collections and their incremental marking. */
  majorGcMs: number;
}

/** Starts counting garbage collection; the returned function reads both counters. */
export function processTime(): () => ProcessTime {
  let gcMs = 0;
  let majorGcMs = 0;
  const major = perf.NODE_PERFORMANCE_GC_MAJOR | perf.NODE_PERFORMANCE_GC_INCREMENTAL;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      if (((e as { detail?: { kind?: number } }).detail?.kind ?? 0) & major)
        majorGcMs += e.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  return () => {
    const { user, system } = process.cpuUsage();
    return { cpuMs: (user + system) / 1000, gcMs, majorGcMs };
  };
}
