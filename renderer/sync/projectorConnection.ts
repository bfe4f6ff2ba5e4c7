// The projector's own socket (no session: a read-only projector token). One per token, shared by
// whoever renders it, closed a moment after the last holder lets go, so that React's
// mount-unmount-mount in development does not drop and reopen it.
import { platform } from '../platform.ts';
import { socketTransport, type SocketTransport } from './socketTransport.ts';

interface Held {
  transport: SocketTransport;
  holders: number;
  closeTimer: ReturnType<typeof setTimeout> | undefined;
}

const connections = new Map<string, Held>();
const CLOSE_AFTER_MS = 1000;

function entry(token: string): Held {
  let held = connections.get(token);
  if (!held) {
    const transport = socketTransport({
      origin: platform.serverOrigin,
      getToken: () => null,
      projectorToken: token,
    });
    held = { transport, holders: 0, closeTimer: undefined };
    connections.set(token, held);
  }
  return held;
}

/** The socket for this projector token, opened on first use. */
export function projectorTransport(token: string): SocketTransport {
  return entry(token).transport;
}

/** Keep the socket open while held; returns the release function (for a React effect). */
export function holdProjector(token: string): () => void {
  const held = entry(token);
  held.holders++;
  clearTimeout(held.closeTimer);
  return () => {
    held.holders--;
    if (held.holders > 0) return;
    held.closeTimer = setTimeout(() => {
      if (held.holders > 0) return;
      held.transport.close();
      connections.delete(token);
    }, CLOSE_AFTER_MS);
  };
}
