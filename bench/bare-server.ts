// The baseline: a bare Socket.IO server (same version and transport as ours; no auth, no
// validation, no storage). A client joins one room; on 'bcast' the server broadcasts to that room
// a message shaped and sized like the one our server sends for one `agenda.currentChanged` event.
// For the vote storm it also acks 'ping' at once and, between stormStart() and stormStop(),
// broadcasts a tally-sized message 4 times a second. For the annotation sync it relays an
// annotation command as ours does: ack, then the event made of it to the room; after
// openJournal({ file }), it first appends the command to that file and fdatasyncs it (what our
// server's journal must do at least), for a second, durable baseline.
// Run as a child of bench/run.ts (IPC): listen() -> { url }, memory() -> MemoryReport.
import { open, type FileHandle } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { memoryReport, serveRpc } from './lib.ts';

/** 16 characters, like the server's ids (12 random bytes in base64url). */
const ID = (c: string) => c.repeat(16);

function bareMessage(rev: number) {
  return {
    meetingId: ID('m'),
    fromRev: rev - 1,
    rev,
    events: [
      {
        type: 'agenda.currentChanged',
        payload: { itemId: ID('i') },
        rev,
        at: new Date().toISOString(),
        actor: ID('a'),
      },
    ],
  };
}

let relayRev = 0;
let journal: FileHandle | undefined;

/** The event our server makes of an annotation command: the same fields, hence the same size. */
function relayedEvent(command: { type?: unknown; payload?: Record<string, unknown> }, at: string) {
  const p = command?.payload ?? {};
  if (command?.type === 'annotation.create') {
    const { annotationId, ...rest } = p;
    return {
      type: 'annotation.created',
      payload: {
        annotation: {
          id: annotationId,
          sha256: 'f'.repeat(64),
          author: ID('a'),
          ...rest,
          createdAt: at,
          updatedAt: at,
          version: 1,
        },
      },
    };
  }
  const { annotationId, ...changes } = p;
  return {
    type: 'annotation.updated',
    payload: { annotationId, author: ID('a'), shared: false, changes, updatedAt: at, version: 2 },
  };
}

const http = createServer();
let storm: NodeJS.Timeout | undefined;
const io = new Server(http, {
  // the same options as server/sync/socket.ts
  maxHttpBufferSize: 1024 * 1024,
  serveClient: false,
});

io.on('connection', (socket) => {
  socket.on('join', (_req: unknown, ack: unknown) => {
    void socket.join('m');
    if (typeof ack === 'function') ack({ ok: true });
  });
  // the vote storm's baseline: a bare ack round-trip
  socket.on('ping', (_req: unknown, ack: unknown) => {
    if (typeof ack === 'function') ack({ ok: true, rev: 0, meetingId: ID('m') });
  });
  // the annotation sync's baseline: ack, then relay to the room (the other device), as ours does
  socket.on('relay', async (req: { command?: { type?: unknown } }, ack: unknown) => {
    const rev = ++relayRev;
    if (journal) {
      await journal.appendFile(`${JSON.stringify(req)}\n`);
      await journal.datasync();
    }
    if (typeof ack === 'function') ack({ ok: true, rev, meetingId: ID('m') });
    const at = new Date().toISOString();
    const event = { ...relayedEvent(req?.command ?? {}, at), rev, at, actor: ID('a') };
    io.to('m').emit('meeting:events', {
      meetingId: ID('m'),
      fromRev: rev - 1,
      rev,
      events: [event],
    });
  });
  socket.on('bcast', (req: { rev?: unknown }, ack: unknown) => {
    const rev = typeof req?.rev === 'number' ? req.rev : 0;
    io.to('m').emit('meeting:events', bareMessage(rev));
    if (typeof ack === 'function') ack({ ok: true, rev });
  });
});

serveRpc(
  {
    async listen() {
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      const { port } = http.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}` };
    },
    memory() {
      return memoryReport(io.of('/').sockets.size);
    },
    /** From now on, `relay` appends each command to `file` and fdatasyncs it before the ack. */
    async openJournal(args: { file: string }) {
      journal = await open(args.file, 'a');
    },
    /** During a storm round: a tally-sized broadcast 4 times a second, as our server sends. */
    stormStart() {
      let cast = 0;
      storm = setInterval(() => {
        cast += 500;
        const counts = { agree: cast / 2, disagree: cast / 4, abstain: cast / 4 };
        io.to('m').emit('vote:tally', {
          meetingId: ID('m'),
          voteId: ID('v'),
          cast,
          eligible: 2000,
          counts,
        });
      }, 250);
    },
    stormStop() {
      clearInterval(storm);
    },
  },
  async () => {
    await journal?.close();
    io.disconnectSockets(true);
    await new Promise<void>((r) => io.close(() => r()));
  },
);
