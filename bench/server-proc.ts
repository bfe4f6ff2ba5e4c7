// Our server in its own process, for bench/run.ts (IPC calls, see lib.ts serveRpc):
//   prepare({ dataDir, clients }) starts it on an empty dataDir and adds `clients` member accounts,
//     a chair and a latecomer, a big meeting (all of them) and a small one for the catch-up figure;
//   start({ dataDir }) starts it (in a new process) on a folder that prepare filled;
//   generate({ meetingId, count }) commits `count` mixed events to a meeting, as an administrator;
//   memory() reports RSS after a full GC (run with --expose-gc);
//   prepareStorm({ dataDir, voters }) starts it on an empty dataDir with the vote storm's meeting;
//   prepareAnnotations({ dataDir }) starts it on an empty dataDir with a meeting, a delegate and a
//     10-page document (uploaded over HTTP by the meeting's secretary) to annotate.
//   preparePack({ dataDir, clients }) starts it on an empty dataDir with the pack benchmark's
//     meeting (a secretary, `clients` delegates, one agenda item) and counts what it serves;
//   served() returns the HTTP responses since the last call (lib.ts countServed; after preparePack).
// If the parent dies, the work folder (dataDir's parent) is removed here.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { writeHeapSnapshot } from 'node:v8';
import { dirname, join } from 'node:path';
import {
  ClientCommandSchema,
  type Actor,
  type ClientCommand,
  type CommandAck,
} from '../core/index.ts';
import { startServer, type RunningServer } from '../server/app.ts';
import {
  countServed,
  inBatches,
  log,
  login,
  memoryReport,
  processTime,
  serveRpc,
  type Served,
} from './lib.ts';

const BENCH_PASSWORD = 'bench-password-1';
const userName = (i: number): string => `u${String(i).padStart(4, '0')}`;

let server: RunningServer | undefined;
let dataDir: string | undefined;
let admin: Actor;
let seq = 0;
let snapshots = 0;
let profiler: Session | undefined;
let served: { take: () => Served } | undefined;
const time = processTime();

async function start(dir: string): Promise<RunningServer> {
  dataDir = dir;
  const running = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    passwordCost: 10,
    log: (msg) => log(`server: ${msg}`),
  });
  admin = { userId: running.accounts.byUsername('admin')!.id, globalRole: 'admin' };
  server = running;
  return running;
}

async function run(meetingId: string | null, command: unknown) {
  const parsed = ClientCommandSchema.parse(command) as ClientCommand;
  const ack: CommandAck = await server!.meetings.execute(
    meetingId,
    `bench-setup-${process.pid}-${++seq}`,
    parsed,
    admin,
  );
  if (!ack.ok) throw new Error(`${parsed.type} failed: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

async function account(
  username: string,
  displayName: string,
  globalRole: 'member' | 'secretary' = 'member',
): Promise<string> {
  const made = await server!.accounts.create({
    username,
    displayName,
    globalRole,
    password: BENCH_PASSWORD,
    mustChangePassword: false,
  });
  if ('error' in made) throw new Error(made.error.message);
  return made.account.id;
}

async function meeting(title: string, people: { id: string; role: string }[], items: number) {
  const created = await run(null, {
    type: 'meeting.create',
    payload: { title, startsAt: new Date().toISOString(), location: 'Phòng họp số 1' },
  });
  const id = created.meetingId;
  // concurrent commands land in the same group commits
  await inBatches(people, 100, (p) =>
    run(id, { type: 'participant.add', payload: { userId: p.id, role: p.role } }),
  );
  for (let i = 0; i < items; i++) {
    await run(id, {
      type: 'agenda.add',
      payload: {
        title: `Mục ${i + 1}: Báo cáo tình hình kinh tế - xã hội tháng ${i + 1}`,
        presenter: 'Văn phòng',
        durationMin: 15,
      },
    });
  }
  await run(id, { type: 'meeting.publish', payload: {} });
  await run(id, { type: 'meeting.setStatus', payload: { status: 'in_progress' } });
  return id;
}

const REASONS = ['Đi công tác nước ngoài', 'Nghỉ ốm', 'Họp tại Bộ Kế hoạch và Đầu tư'];
const STATUSES = ['present', 'online', 'absent'] as const;

serveRpc(
  {
    /** A fresh data folder: accounts and meetings. Their ids and usernames are returned. */
    async prepare(args: { dataDir: string; clients: number }) {
      const t0 = performance.now();
      const { url } = await start(args.dataDir);
      const chair = await account('chair', 'Chủ tọa');
      const late = await account('late', 'Đại biểu đến muộn');
      const members = await inBatches(
        Array.from({ length: args.clients }, (_, i) => i),
        50,
        (i) => account(userName(i), `Đại biểu Nguyễn Văn ${i}`),
      );
      const tAccounts = performance.now();
      const mainMeeting = await meeting(
        'Phiên họp Chính phủ thường kỳ (benchmark)',
        [{ id: chair, role: 'chair' }, ...members.map((id) => ({ id, role: 'delegate' }))],
        2,
      );
      const catchupMeeting = await meeting(
        'Phiên họp chuyên đề (catch-up benchmark)',
        [
          { id: chair, role: 'chair' },
          { id: late, role: 'delegate' },
          ...members.slice(0, 20).map((id) => ({ id, role: 'delegate' })),
        ],
        10,
      );
      const t1 = performance.now();
      log(
        `server ready: ${args.clients + 2} accounts in ${Math.round(tAccounts - t0)} ms, ` +
          `meetings in ${Math.round(t1 - tAccounts)} ms`,
      );
      return {
        url,
        mainMeeting,
        catchupMeeting,
        usernames: ['chair', 'late', ...members.map((_, i) => userName(i))],
        password: BENCH_PASSWORD,
      };
    },

    /**
     * The vote storm's meeting, on a fresh dataDir: a chair and `voters` delegates, in progress,
     * everyone present, one agenda item current.
     */
    async prepareStorm(args: { dataDir: string; voters: number }) {
      const t0 = performance.now();
      const { url } = await start(args.dataDir);
      const chair = await account('chair', 'Chủ tọa');
      const voters = await inBatches(
        Array.from({ length: args.voters }, (_, i) => i),
        50,
        (i) => account(userName(i), `Đại biểu Trần Thị ${i}`),
      );
      const people = [
        { id: chair, role: 'chair' },
        ...voters.map((id) => ({ id, role: 'delegate' })),
      ];
      const meetingId = await meeting('Kỳ họp thứ 9 Hội đồng nhân dân (vote storm)', people, 1);
      const itemId = Object.keys(server!.meetings.get(meetingId)!.state.agenda.items)[0]!;
      await run(meetingId, { type: 'agenda.setCurrent', payload: { itemId } });
      await inBatches(people, 100, (p) =>
        run(meetingId, {
          type: 'attendance.set',
          payload: { userId: p.id, status: 'present', reason: '' },
        }),
      );
      log(
        `storm server ready: ${args.voters + 1} accounts and the meeting in ${Math.round(performance.now() - t0)} ms`,
      );
      return {
        url,
        meetingId,
        itemId,
        usernames: ['chair', ...voters.map((_, i) => userName(i))],
        password: BENCH_PASSWORD,
      };
    },

    /**
     * The annotation-sync meeting, on a fresh dataDir: a secretary, one delegate (who will use two
     * devices) and a 10-page document on the meeting's only item, uploaded over HTTP.
     */
    async prepareAnnotations(args: { dataDir: string }) {
      const { url } = await start(args.dataDir);
      const secretary = await account('secretary', 'Thư ký Lê Thị Hoa');
      const delegate = await account('delegate', 'Đại biểu Nguyễn Văn An');
      const meetingId = await meeting(
        'Phiên họp thẩm tra dự toán (annotation benchmark)',
        [
          { id: secretary, role: 'secretary' },
          { id: delegate, role: 'delegate' },
        ],
        1,
      );
      const itemId = Object.keys(server!.meetings.get(meetingId)!.state.agenda.items)[0]!;
      // loaded here, not at the top: the server itself never loads pdf-lib on its main thread, and
      // the memory figure of the processes that only run start() must not carry it (~15 MB RSS)
      const { PDFDocument, StandardFonts } = await import('@cantoo/pdf-lib');
      const pdf = await PDFDocument.create();
      const font = await pdf.embedFont(StandardFonts.Helvetica);
      for (let i = 1; i <= 10; i++)
        pdf.addPage([595, 842]).drawText(`Du toan ngan sach, trang ${i}`, { font, x: 72, y: 760 });
      const form = new FormData();
      form.append(
        'file',
        new Blob([new Uint8Array(await pdf.save())], { type: 'application/pdf' }),
        'du-toan.pdf',
      );
      const token = await login(url, 'secretary', BENCH_PASSWORD);
      const res = await fetch(`${url}/api/meetings/${meetingId}/items/${itemId}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      if (!res.ok) throw new Error(`upload: HTTP ${res.status} ${await res.text()}`);
      const { document } = (await res.json()) as { document: { id: string } };
      return {
        url,
        meetingId,
        documentId: document.id,
        username: 'delegate',
        password: BENCH_PASSWORD,
      };
    },

    /**
     * The pack benchmark's meeting, on a fresh dataDir: a secretary (who uploads the documents
     * over HTTP) and `clients` delegates, one agenda item. Counts what the server serves from now.
     */
    async preparePack(args: { dataDir: string; clients: number }) {
      const t0 = performance.now();
      served = countServed();
      const { url } = await start(args.dataDir);
      const secretary = await account('secretary', 'Thư ký Lê Thị Hoa', 'secretary');
      const members = await inBatches(
        Array.from({ length: args.clients }, (_, i) => i),
        50,
        (i) => account(userName(i), `Đại biểu Phạm Văn ${i}`),
      );
      const people = [
        { id: secretary, role: 'secretary' },
        ...members.map((id) => ({ id, role: 'delegate' })),
      ];
      const meetingId = await meeting('Phiên họp thường kỳ tháng 11 (pack benchmark)', people, 1);
      const itemId = Object.keys(server!.meetings.get(meetingId)!.state.agenda.items)[0]!;
      log(
        `pack server ready: ${args.clients + 1} accounts and the meeting in ${Math.round(performance.now() - t0)} ms`,
      );
      return {
        url,
        meetingId,
        itemId,
        blobDir: join(args.dataDir, 'blobs'),
        userIds: [secretary, ...members],
        usernames: ['secretary', ...members.map((_, i) => userName(i))],
        password: BENCH_PASSWORD,
      };
    },

    served() {
      return served?.take() ?? {};
    },
    /** CPU time used so far, and garbage collection time (lib.ts processTime). */
    cpu() {
      return time();
    },

    /** Starts on a folder that `prepare` filled (in another process): loads it from disk. */
    async start(args: { dataDir: string }) {
      const t0 = performance.now();
      const { url } = await start(args.dataDir);
      log(`server loaded its data and started in ${Math.round(performance.now() - t0)} ms`);
      return { url };
    },

    async generate(args: { meetingId: string; count: number }) {
      const m = server!.meetings.get(args.meetingId)!;
      const fromRev = m.durable.rev;
      const state = m.state;
      const items = Object.keys(state.agenda.items);
      const people = Object.values(state.participants)
        .filter((p) => p.role === 'delegate')
        .map((p) => p.userId);
      const commands = Array.from({ length: args.count }, (_, i) => {
        switch (i % 3) {
          case 0: {
            const status = STATUSES[(i / 3) % 3]!;
            return {
              type: 'attendance.set',
              payload: {
                userId: people[i % people.length]!,
                status,
                reason: status === 'absent' ? REASONS[i % REASONS.length]! : '',
              },
            };
          }
          case 1:
            return {
              type: 'agenda.update',
              payload: {
                itemId: items[i % items.length]!,
                description: `Dự thảo Nghị quyết, bản sửa đổi lần ${i}: điều chỉnh chỉ tiêu tăng trưởng và kế hoạch đầu tư công trung hạn.`,
              },
            };
          default:
            // the current item moves on every time: always exactly one event
            return { type: 'agenda.setCurrent', payload: { itemId: items[i % items.length]! } };
        }
      });
      await inBatches(commands, 100, (c) => run(args.meetingId, c));
      await m.settled();
      return { fromRev, rev: m.durable.rev };
    },

    memory() {
      const report = memoryReport(-1);
      // BENCH_HEAP_SNAPSHOT=<folder>: a heap snapshot at each memory() call, for looking into RSS
      const dir = process.env.BENCH_HEAP_SNAPSHOT;
      if (dir)
        log(
          `heap snapshot: ${writeHeapSnapshot(join(dir, `server-${process.pid}-${++snapshots}.heapsnapshot`))}`,
        );
      return report;
    },

    /** A CPU profile of a stretch of the run (BENCH_PROFILE), e.g. the vote storm's rounds only. */
    async profileStart() {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    },
    async profileStop(args: { file: string }) {
      const { profile } = await profiler!.post('Profiler.stop');
      await mkdir(dirname(args.file), { recursive: true });
      await writeFile(args.file, JSON.stringify(profile));
      profiler!.disconnect();
    },
  },
  async (orphaned) => {
    await server?.close().catch((err: unknown) => log(`close failed: ${String(err)}`));
    // the parent removes the work folder; if it died, we do (the data folder is inside it)
    if (orphaned && dataDir)
      await rm(dirname(dataDir), { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  },
);
