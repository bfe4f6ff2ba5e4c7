// Every ipcMain.handle goes through here: the sender is checked (our window, our origin, top
// frame), the payload is parsed with its channel's schema, and any failure becomes an answer.
import type { IpcMainInvokeEvent } from 'electron';
import { prettifyError } from 'zod';
import {
  DESKTOP_CHANNEL_LIST,
  type DesktopChannel,
  type DesktopErrorCode,
  type DesktopResult,
} from '../../core/desktop.ts';
import { DESKTOP_PAYLOADS, type PayloadOf } from '../../core/desktop-schemas.ts';
import { HashMismatchError } from '../../core/document-cache.ts';
import { isAppUrl } from './app-origin.ts';

/** What a handler may throw to answer with a specific code (anything else is INTERNAL). */
export class HandlerError extends Error {
  readonly code: DesktopErrorCode;
  constructor(code: DesktopErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type Handlers = {
  [C in DesktopChannel]: (payload: PayloadOf<C>) => unknown;
};

/** The parts of an invoke event the sender check reads (a fake in tests). */
export interface SenderLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, payload: unknown) => unknown): void;
}

/** Trusts only the top frame of one of our windows, showing a page of the app's origin. */
export function trustedSender(windowIds: () => ReadonlySet<number>) {
  return (event: SenderLike): boolean => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return windowIds().has(event.sender.id) && isAppUrl(frame.url);
  };
}

export function wrapHandler<C extends DesktopChannel>(
  channel: C,
  handler: Handlers[C],
  isTrusted: (event: SenderLike) => boolean,
  log: (msg: string) => void,
): (event: SenderLike, payload: unknown) => Promise<DesktopResult<unknown>> {
  const schema = DESKTOP_PAYLOADS[channel];
  return async (event, payload) => {
    if (!isTrusted(event)) {
      log(`refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return fail('FORBIDDEN', 'This call is only accepted from the eCabinet window.');
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success)
      return fail('INVALID_PAYLOAD', `${channel}: ${prettifyError(parsed.error)}`);
    try {
      const value = await handler(parsed.data as PayloadOf<C>);
      return { ok: true, value: value ?? null };
    } catch (err) {
      if (err instanceof HandlerError) return fail(err.code, err.message);
      if (err instanceof HashMismatchError) return fail('INVALID_PAYLOAD', err.message);
      log(`${channel} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fail('INTERNAL', `${channel} failed on this device.`);
    }
  };
}

export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrusted: (event: SenderLike) => boolean,
  log: (msg: string) => void,
): void {
  for (const channel of DESKTOP_CHANNEL_LIST) {
    const wrapped = wrapHandler(
      channel,
      handlers[channel] as Handlers[typeof channel],
      isTrusted,
      log,
    );
    ipcMain.handle(channel, (event, payload) => wrapped(event as unknown as SenderLike, payload));
  }
}

function fail(code: DesktopErrorCode, message: string): DesktopResult<never> {
  return { ok: false, error: { code, message } };
}
