// The baseline: a bare Socket.IO server (same version and transport as ours; no auth, no
// validation, no storage). A client joins one room; on 'bcast' the server broadcasts to that room
// a message shaped and sized like the one our server sends for one `agenda.currentChanged` event.
// Run as a child of bench/run.ts (IPC): listen() -> { url }, memory() -> MemoryReport.
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

const http = createServer();
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
  },
  async () => {
    io.disconnectSockets(true);
    await new Promise<void>((r) => io.close(() => r()));
  },
);
