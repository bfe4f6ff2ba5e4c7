// Devices downloading a meeting pack, for bench/pack.ts: one process holds a share of them, each
// with its own session token, keep-alive connection pool (node:http Agent) and document cache.
// Each device runs the app's own pack sync (renderer/cache/packSync.ts syncPack): documents by
// SHA-256 from GET /api/meetings/:id/files/:sha256 with the token, one at a time, skipping what
// its cache holds, each checked against its hash. A child of bench/pack.ts (IPC):
//   setup({ tokens, userIds, meetingId }) makes the devices, with empty caches;
//   sync({ origin, documents, timeoutMs }) has every device sync at once, from the call's arrival;
//   forget() empties every cache (a cold start for the next sync); memory() reports the peak RSS.
import { Agent } from 'node:http';
import { syncPack, type PackDocument } from '../renderer/cache/packSync.ts';
import { HashCache, streamDownload, type Transfer } from './hash-cache.ts';
import { log, processTime, serveRpc } from './lib.ts';

interface Device {
  token: string;
  userId: string;
  agent: Agent;
  cache: HashCache;
}

/** What one device did in one sync. */
export interface DeviceSync {
  /** ms from the sync call's arrival to the device's last document stored. */
  ms: number;
  requests: number;
  bytes: number;
  done: number;
  failed: number;
  /** The cache's bytes afterwards (sizes of the documents it holds). */
  cached: number;
}

let meetingId = '';
let devices: Device[] = [];
const time = processTime();

async function syncOne(
  d: Device,
  origin: string,
  documents: PackDocument[],
  t0: number,
  timeoutMs: number,
): Promise<DeviceSync> {
  const counted: Transfer = { requests: 0, bytes: 0 };
  const path = (sha: string) => `/api/meetings/${encodeURIComponent(meetingId)}/files/${sha}`;
  const progress = await syncPack({
    cache: d.cache,
    pack: { account: d.userId, meetingId },
    closed: false,
    documents,
    download: (sha, signal) =>
      streamDownload(
        origin,
        path(sha),
        { authorization: `Bearer ${d.token}` },
        d.agent,
        signal,
        counted,
      ),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const ms = performance.now() - t0;
  const { bytes: cached } = await d.cache.usage();
  return { ms, ...counted, done: progress.done, failed: progress.failed, cached };
}

serveRpc(
  {
    setup(args: { tokens: string[]; userIds: string[]; meetingId: string }) {
      meetingId = args.meetingId;
      devices = args.tokens.map((token, i) => ({
        token,
        userId: args.userIds[i]!,
        agent: new Agent({ keepAlive: true }),
        cache: new HashCache(),
      }));
      return { devices: devices.length };
    },

    async sync(args: {
      origin: string;
      documents: PackDocument[];
      timeoutMs: number;
    }): Promise<DeviceSync[]> {
      const t0 = performance.now();
      return Promise.all(
        devices.map((d) => syncOne(d, args.origin, args.documents, t0, args.timeoutMs)),
      );
    },

    /** Empty caches and closed connections: the next sync starts cold. */
    async forget() {
      for (const d of devices) {
        await d.cache.wipe();
        d.agent.destroy();
        d.agent = new Agent({ keepAlive: true });
      }
      (globalThis as { gc?: () => void }).gc?.();
    },

    /** CPU time used so far, and garbage collection time (lib.ts processTime). */
    cpu() {
      return time();
    },
    memory() {
      return { rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 };
    },
  },
  () => {
    for (const d of devices) d.agent.destroy();
    log(`pack clients: ${devices.length} devices closed`);
  },
);
