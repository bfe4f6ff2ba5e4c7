// Test harness: a real server in a temp folder, real accounts over HTTP, a meeting built with real
// commands, and real socket.io clients that record what the server pushes to them.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type AppError,
  type ClientCommand,
  type ClientToServerEvents,
  type CommandAck,
  type EventsMessage,
  type GlobalRole,
  type JoinAck,
  type MeetingEvent,
  type MeetingState,
  type Role,
  type ServerToClientEvents,
  type SessionEnded,
} from '../../core/index.ts';
import { startServer, type RunningServer, type ServerOptions } from '../app.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const PASSWORD = 'mat-khau-thu-nghiem';
/** What the first administrator's one-time password is changed to. */
export const ADMIN_PASSWORD = 'mat-khau-quan-tri';
export const CORPUS = new URL('../../../shared/corpus/pdf/', import.meta.url);

/** A fresh id for a command envelope (8-64 letters, digits, _ or -). */
export function commandId(): string {
  return `cmd-${randomBytes(9).toString('base64url')}`;
}

/** Resolves when `check` returns true; polls, because the things we wait for arrive over sockets. */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------- HTTP

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  json: T;
  bytes: Buffer;
}

export interface ApiInit {
  method?: string;
  token?: string;
  json?: unknown;
  body?: FormData;
  headers?: Record<string, string>;
}

export async function api<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  init: ApiInit = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | FormData | undefined = init.body;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  const res = await fetch(baseUrl + path, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const isJson = (res.headers.get('content-type') ?? '').includes('json') && bytes.length > 0;
  return {
    status: res.status,
    headers: res.headers,
    json: (isJson ? JSON.parse(bytes.toString('utf8')) : {}) as T,
    bytes,
  };
}

export type ErrorBody = { error: AppError };

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await api<{ token: string }>(baseUrl, '/api/login', { json: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.bytes}`);
  return res.json.token;
}

/**
 * Logs the first administrator in and replaces the one-time password, as the server insists
 * before anything else; returns the session, which stays valid.
 */
export async function loginFirstAdmin(
  baseUrl: string,
  firstAdmin: { username: string; password: string },
): Promise<string> {
  const token = await login(baseUrl, firstAdmin.username, firstAdmin.password);
  const res = await api(baseUrl, '/api/password', {
    token,
    json: { oldPassword: firstAdmin.password, newPassword: ADMIN_PASSWORD },
  });
  if (res.status !== 204) throw new Error(`change the admin password: ${res.status} ${res.bytes}`);
  return token;
}

/** Uploads a file to an agenda item as the multipart field "file", the way the app does. */
export function upload(
  baseUrl: string,
  token: string,
  meetingId: string,
  itemId: string,
  bytes: Uint8Array,
  filename: string,
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), filename);
  return api<{ document: Record<string, unknown>; rev: number } & Partial<ErrorBody>>(
    baseUrl,
    `/api/meetings/${meetingId}/items/${itemId}/documents`,
    { token, body: form },
  );
}

// ------------------------------------------------------------------------------------- clients

/** A socket.io client that keeps everything the server pushed to it. */
export class TestClient {
  readonly socket: ClientSocket;
  readonly batches: EventsMessage[] = [];
  readonly sessionEnded: SessionEnded[] = [];
  meetingsChanged = 0;

  constructor(socket: ClientSocket) {
    this.socket = socket;
    socket.on('meeting:events', (msg) => this.batches.push(msg));
    socket.on('meetings:changed', () => this.meetingsChanged++);
    socket.on('session:ended', (msg) => this.sessionEnded.push(msg));
  }

  get events(): MeetingEvent[] {
    return this.batches.flatMap((b) => b.events);
  }

  join(meetingId: string, sinceRev: number | null = null): Promise<JoinAck> {
    return this.socket.timeout(10_000).emitWithAck('meeting:join', { meetingId, sinceRev });
  }

  /** Joins and returns the snapshot; fails the test when the server answers otherwise. */
  async snapshot(meetingId: string): Promise<MeetingState> {
    const ack = await this.join(meetingId, null);
    if (!ack.ok || ack.mode !== 'snapshot') throw new Error(`join: ${JSON.stringify(ack)}`);
    return ack.snapshot;
  }

  command(
    meetingId: string | null,
    command: ClientCommand | { type: string; payload: unknown },
    id = commandId(),
  ): Promise<CommandAck> {
    return this.socket.timeout(10_000).emitWithAck('command', { id, meetingId, command });
  }

  /** Sends anything as any message type, for tests of what the server refuses. */
  raw(event: 'meeting:join' | 'meeting:leave' | 'command', payload: unknown): Promise<Ack> {
    return this.socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack>;
  }

  close(): void {
    this.socket.disconnect();
  }
}

export function openSocket(
  baseUrl: string,
  token: string,
  protocol = PROTOCOL_VERSION,
): ClientSocket {
  return io(baseUrl, {
    auth: { token, protocol },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
}

/** Connects, or rejects with the connect_error (its message is the code, `data` the AppError). */
export function connect(
  baseUrl: string,
  token: string,
  protocol = PROTOCOL_VERSION,
): Promise<TestClient> {
  const socket = openSocket(baseUrl, token, protocol);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(new TestClient(socket)));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
}

// -------------------------------------------------------------------------------------- server

export interface Person {
  id: string;
  username: string;
  displayName: string;
  password: string;
  token: string;
}

export interface TestServer {
  server: RunningServer;
  url: string;
  dataDir: string;
  admin: Person;
  /** Creates an account through the admin API and logs it in. */
  account(globalRole: GlobalRole, displayName?: string): Promise<Person>;
  /** Connects a socket.io client that `close()` cleans up. */
  connect(token: string): Promise<TestClient>;
  /** Stops the server and deletes its data folder (unless `keepData`). */
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export type TestServerOptions = Partial<Omit<ServerOptions, 'dataDir'>> & { dataDir?: string };

let accountCounter = 0;

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ecab-test-'));
}

/** Starts the real server on a free port in a fresh folder, with a logged-in administrator. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await makeDataDir());
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    passwordCost: 10,
    ...opts,
    dataDir,
  });
  const url = server.url;
  if (!server.firstAdmin) throw new Error('startTestServer needs an empty data folder');
  const { username } = server.firstAdmin;
  const adminToken = await loginFirstAdmin(url, server.firstAdmin);
  const admin: Person = {
    id: server.accounts.byUsername(username)!.id,
    username,
    displayName: 'Administrator',
    password: ADMIN_PASSWORD,
    token: adminToken,
  };
  const clients: TestClient[] = [];

  return {
    server,
    url,
    dataDir,
    admin,
    async account(globalRole, displayName) {
      const username = `user${++accountCounter}-${globalRole}`;
      const name = displayName ?? `Đại biểu ${accountCounter}`;
      const res = await api<{ account: { id: string } }>(url, '/api/accounts', {
        token: adminToken,
        json: { username, displayName: name, globalRole, password: PASSWORD },
      });
      if (res.status !== 201) throw new Error(`create account: ${res.status} ${res.bytes}`);
      const token = await login(url, username, PASSWORD);
      return { id: res.json.account.id, username, displayName: name, password: PASSWORD, token };
    },
    async connect(token) {
      const c = await connect(url, token);
      clients.push(c);
      return c;
    },
    async close(closeOpts) {
      for (const c of clients) c.close();
      await server.close();
      if (!closeOpts?.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// ------------------------------------------------------------------------------------- meeting

export interface MeetingFixture {
  meetingId: string;
  itemIds: string[];
  secretary: Person;
  chair: Person;
  delegates: Person[];
  observer: Person;
  /** Has an account but is not in the meeting. */
  outsider: Person;
}

export const STARTS_AT = '2026-03-09T08:00:00+07:00';

/** The `meeting.create` command of a test meeting. */
export function meetingCreate(title: string, location = ''): ClientCommand {
  return {
    type: 'meeting.create',
    payload: {
      title,
      startsAt: STARTS_AT,
      description: '',
      location,
      quorum: { kind: 'fraction', value: 0.5 },
      selfCheckIn: false,
    },
  };
}

/** Creates an account through the admin API of the server at `url`, and logs it in. */
export async function accountOn(
  url: string,
  adminToken: string,
  username: string,
  role: GlobalRole,
): Promise<{ id: string; token: string }> {
  const res = await api<{ account: { id: string } }>(url, '/api/accounts', {
    token: adminToken,
    json: { username, displayName: username, globalRole: role, password: PASSWORD },
  });
  if (res.status !== 201) throw new Error(`create account: ${res.status} ${res.bytes}`);
  return { id: res.json.account.id, token: await login(url, username, PASSWORD) };
}

/**
 * A meeting made by a secretary with commands: a chair, delegates, an observer, agenda items;
 * published (so that everyone may join) unless `draft`.
 */
export async function createMeeting(
  t: TestServer,
  opts: { delegates?: number; items?: number; title?: string; draft?: boolean } = {},
): Promise<MeetingFixture> {
  const secretary = await t.account('secretary', 'Thư ký Lê Thị Hoa');
  const chair = await t.account('member', 'Chủ tọa Nguyễn Văn An');
  const delegates: Person[] = [];
  for (let i = 0; i < (opts.delegates ?? 2); i++) delegates.push(await t.account('member'));
  const observer = await t.account('member', 'Quan sát viên');
  const outsider = await t.account('member', 'Người ngoài');

  const c = await connect(t.url, secretary.token);
  try {
    const created = await c.command(
      null,
      meetingCreate(opts.title ?? 'Phiên họp thường kỳ tháng 3', 'Phòng họp số 1'),
    );
    if (!created.ok) throw new Error(`meeting.create: ${created.error.message}`);
    const meetingId = created.meetingId;
    const roles: [Person, Role][] = [
      [chair, 'chair'],
      ...delegates.map((d): [Person, Role] => [d, 'delegate']),
      [observer, 'observer'],
    ];
    for (const [p, role] of roles) {
      await expectOk(
        c.command(meetingId, { type: 'participant.add', payload: { userId: p.id, role } }),
      );
    }
    for (let i = 0; i < (opts.items ?? 3); i++) {
      await expectOk(
        c.command(meetingId, {
          type: 'agenda.add',
          payload: {
            parentId: null,
            title: `Mục ${i + 1}: Báo cáo tình hình`,
            description: '',
            presenter: '',
            durationMin: 15,
          },
        }),
      );
    }
    if (!opts.draft) await expectOk(c.command(meetingId, { type: 'meeting.publish', payload: {} }));
    const snap = await c.snapshot(meetingId);
    const itemIds = snap.agenda.children[''] ?? [];
    return { meetingId, itemIds, secretary, chair, delegates, observer, outsider };
  } finally {
    c.close();
  }
}

export async function expectOk(
  p: Promise<CommandAck>,
): Promise<{ rev: number; meetingId: string }> {
  const ack = await p;
  if (!ack.ok) throw new Error(`command refused: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

/** A meeting (two delegates, one item) with a 3-page PDF on its item: the annotation tests' setup. */
export async function meetingWithDocument(
  t: TestServer,
): Promise<{ m: MeetingFixture; documentId: string }> {
  const m = await createMeeting(t, { delegates: 2, items: 1 });
  const res = await upload(
    t.url,
    m.secretary.token,
    m.meetingId,
    m.itemIds[0]!,
    await makePdf(3, 'Ngan sach'),
    'du-toan.pdf',
  );
  return { m, documentId: (res.json.document as { id: string }).id };
}

/** A small, valid PDF made on the spot, for tests that need a document but not a real one. */
export async function makePdf(pages = 2, text = 'Ban du thao'): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++)
    doc.addPage().drawText(`${text} ${i + 1}`, { font, x: 50, y: 700 });
  return doc.save();
}

/** A clock a test can move; the server reads the time only through it. */
export function testClock(start = Date.now()): { now(): Date; advance(ms: number): void } {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}
