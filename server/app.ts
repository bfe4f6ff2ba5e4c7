// Wires the server: store, accounts, meetings, HTTP routes and Socket.IO on one port.
import { existsSync, readFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { appError } from '../core/index.ts';
import { AccountService } from './auth/accounts.ts';
import { generatePassword } from './auth/passwords.ts';
import { loadDemo, type DemoLogin } from './demo.ts';
import { DocumentLayouts } from './documents/document-layouts.ts';
import { DocumentTexts } from './documents/document-texts.ts';
import {
  reanchorOnReplace,
  type ReanchorOutcome,
  type ReanchorRequest,
} from './documents/reanchor.ts';
import { PdfChecker } from './documents/pdf-check.ts';
import { registerAuthRoutes } from './http/auth-routes.ts';
import { requireUser, sendError } from './http/common.ts';
import { registerDocumentRoutes } from './http/document-routes.ts';
import { registerFormRoutes } from './http/form-routes.ts';
import { FormService } from './forms/form-service.ts';
import { registerMinutesRoutes } from './http/minutes-routes.ts';
import { registerProjectorRoutes } from './http/projector-routes.ts';
import { registerSearchRoutes } from './http/search-routes.ts';
import { MeetingService, type Clock } from './meetings/service.ts';
import { MinutesRenderer } from './minutes/renderer.ts';
import { ProjectorTokens } from './projector/tokens.ts';
import { openFileStore } from './store/file-store.ts';
import type { Store } from './store/types.ts';
import { userRoom } from './sync/io.ts';
import { createSocketServer } from './sync/socket.ts';
import { BallotService } from './votes/ballot-service.ts';

export interface ServerOptions {
  dataDir: string;
  port: number;
  host: string;
  /** Load the demo accounts and meetings (once, into an empty data folder). */
  demo?: boolean;
  tls?: { cert: string; key: string };
  /** The built renderer to serve; omitted when it does not exist. */
  staticDir?: string;
  sessionHours?: number;
  maxUploadMb?: number;
  /** log2 of scrypt's N; lower only for tests and benchmarks. */
  passwordCost?: number;
  clock?: Clock;
  store?: Store;
  log?: (msg: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Set on the first start: the administrator's one-time password. */
  firstAdmin?: { username: string; password: string };
  demoLogins?: DemoLogin[];
  meetings: MeetingService;
  accounts: AccountService;
  ballots: BallotService;
  forms: FormService;
  /** Moves a replaced document's annotations to its new version (server/documents/reanchor.ts). */
  reanchor(req: ReanchorRequest): Promise<ReanchorOutcome>;
  close(): Promise<void>;
}

const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
].join('; ');

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const clock = opts.clock ?? { now: () => new Date() };
  const log = opts.log ?? (() => undefined);
  const store = opts.store ?? (await openFileStore(opts.dataDir));
  const accounts = new AccountService(store, clock, {
    sessionHours: opts.sessionHours ?? 12,
    passwordCost: opts.passwordCost,
  });
  await accounts.load();

  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    ...(opts.tls
      ? { https: { cert: readFileSync(opts.tls.cert), key: readFileSync(opts.tls.key) } }
      : {}),
  });
  const projector = new ProjectorTokens(store);
  const { io, deliver, sendTally, preview } = createSocketServer(app.server as HttpServer, {
    accounts,
    meetings: () => meetings,
    ballots: () => ballots,
    projector,
    clock,
  });
  const ballots: BallotService = new BallotService({
    store,
    clock,
    meetings: () => meetings,
    sendTally,
    log: (msg, err) => log(`${msg}: ${String(err)}`),
  });
  const meetings: MeetingService = new MeetingService({
    store,
    clock,
    accountName: (id) => accounts.displayName(id),
    onCommit: (m, fromRev, events) => {
      deliver(m, fromRev, events);
      ballots.onCommit(m, events);
    },
    votes: ballots,
    onPreview: (m, events, _actor, fromSocketId) => preview(m, events, fromSocketId),
    log: (msg, err) => log(`${msg}: ${String(err)}`),
  });
  await meetings.load();
  await projector.load(meetings.all().map((m) => m.id));
  await ballots.load();
  const forms = new FormService({
    dir: join(opts.dataDir, 'forms'),
    clock,
    // never an empty room list: socket.io would send to everyone
    notify: (userIds) => {
      if (userIds.length) io.to([...new Set(userIds)].map(userRoom)).emit('forms:changed');
    },
    isActive: (id) => accounts.displayName(id) !== null,
    nameOf: (id) => accounts.get(id)?.displayName ?? id,
    log: (msg, err) => log(`${msg}: ${String(err)}`),
  });
  await forms.load();

  const checker = new PdfChecker();
  // a second worker reads documents' text for search, so that it never delays an upload's check
  const textReader = new PdfChecker();
  const texts = new DocumentTexts({ blobDir: store.blobDir, reader: textReader, log });
  const layouts = new DocumentLayouts({ blobDir: store.blobDir, reader: textReader });
  let firstAdmin: RunningServer['firstAdmin'];
  let demoLogins: DemoLogin[] | undefined;
  if (opts.demo) {
    demoLogins = await loadDemo({ accounts, meetings, checker, blobDir: store.blobDir });
  } else if (accounts.count === 0) {
    const password = generatePassword();
    await accounts.create({
      username: 'admin',
      displayName: 'Administrator',
      globalRole: 'admin',
      password,
      mustChangePassword: true,
    });
    firstAdmin = { username: 'admin', password };
  }

  const maxUploadBytes = (opts.maxUploadMb ?? 200) * 1024 * 1024;
  await app.register(multipart, {
    // fieldSize: an upload's access field names up to a few hundred participants
    limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 32 * 1024 },
  });
  app.setErrorHandler(
    (err: { statusCode?: number; code?: string; message?: string }, _req, reply) => {
      if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE')
        return sendError(reply, appError('PAYLOAD_TOO_LARGE', 'The request is too large.'));
      if (err.statusCode && err.statusCode < 500)
        return sendError(reply, appError('INVALID_PAYLOAD', err.message ?? 'Bad request.'));
      log(`request failed: ${err.message}`);
      return sendError(reply, appError('INTERNAL', 'The server failed on this request.'));
    },
  );
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/api/')) reply.header('Content-Security-Policy', CSP);
    reply.header('X-Frame-Options', 'DENY').header('Referrer-Policy', 'no-referrer');
    return payload;
  });
  registerAuthRoutes(app, { accounts, clock, version: VERSION, secureCookie: !!opts.tls });
  registerDocumentRoutes(app, {
    accounts,
    meetings,
    checker,
    blobDir: store.blobDir,
    tmpDir: join(opts.dataDir, 'tmp'),
    maxUploadBytes,
    readAudit: (id) => store.readAudit(id),
    onStored: (sha256) => void texts.prepare(sha256),
    reanchor: (req) => reanchorOnReplace({ meetings, layouts }, req),
  });
  registerFormRoutes(app, {
    accounts,
    forms,
    checker,
    blobDir: store.blobDir,
    tmpDir: join(opts.dataDir, 'tmp'),
    maxUploadBytes,
  });
  registerProjectorRoutes(app, { accounts, meetings, projector, clock });
  registerSearchRoutes(app, { accounts, meetings, texts });
  const minutesRenderer = new MinutesRenderer();
  registerMinutesRoutes(app, { accounts, meetings, render: (doc) => minutesRenderer.render(doc) });
  app.get('/api/meetings', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    return { meetings: meetings.summariesFor(who) };
  });

  const staticDir = opts.staticDir ? resolve(opts.staticDir) : undefined;
  const hasUi = !!staticDir && existsSync(join(staticDir, 'index.html'));
  if (hasUi)
    await app.register(fastifyStatic, { root: staticDir, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((req, reply) => {
    if (
      hasUi &&
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      !req.url.startsWith('/socket.io')
    )
      return reply.sendFile('index.html');
    return sendError(
      reply,
      appError('NOT_FOUND', `Nothing at ${req.method} ${req.url.split('?')[0]}.`),
    );
  });

  await app.listen({ port: opts.port, host: opts.host });
  const port = (app.server.address() as AddressInfo).port;
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  const url = `${opts.tls ? 'https' : 'http'}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;

  return {
    url,
    port,
    firstAdmin,
    demoLogins,
    meetings,
    accounts,
    ballots,
    forms,
    reanchor: (req) => reanchorOnReplace({ meetings, layouts }, req),
    async close() {
      io.disconnectSockets(true);
      // a response that ends during shutdown leaves a keep-alive connection that would hold
      // close() for the 72 s keep-alive timeout: reap idle connections until the server is shut
      const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
      await app.close().finally(() => clearInterval(reaper));
      await new Promise<void>((r) => io.close(() => r()));
      await ballots.close();
      await forms.close();
      await meetings.close().catch(() => undefined);
      await accounts.flush();
      await checker.close();
      await textReader.close();
      await minutesRenderer.close();
      await store.close();
    },
  };
}
