import { describe, expect, it } from 'vitest';
import { lockPermissions } from './permissions.ts';

type RequestHandler = (
  contents: { getURL(): string } | null,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

function session() {
  const s = {
    request: null as RequestHandler | null,
    check: null as CheckHandler | null,
    device: null as (() => boolean) | null,
    setPermissionRequestHandler(h: RequestHandler) {
      s.request = h;
    },
    setPermissionCheckHandler(h: CheckHandler) {
      s.check = h;
    },
    setDevicePermissionHandler(h: () => boolean) {
      s.device = h;
    },
  };
  lockPermissions(s as never);
  return s;
}

function ask(permission: string, url = 'app://ecabinet/index.html'): boolean {
  const s = session();
  let granted: boolean | null = null;
  s.request?.({ getURL: () => url }, permission, (g) => (granted = g), { requestingUrl: url });
  if (granted === null) throw new Error('the request was never answered');
  return granted;
}

describe('permissions', () => {
  it.each([
    'notifications',
    'media',
    'geolocation',
    'midi',
    'midiSysex',
    'pointerLock',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'idle-detection',
    'unknown',
  ])('refuses %s, even to the app itself', (permission) => {
    expect(ask(permission)).toBe(false);
  });

  it('lets the app go full screen and copy text, but not another origin', () => {
    expect(ask('fullscreen')).toBe(true);
    expect(ask('clipboard-sanitized-write')).toBe(true);
    expect(ask('fullscreen', 'https://evil.example/')).toBe(false);
  });

  it('answers permission checks the same way, and refuses USB/HID/serial devices', () => {
    const s = session();
    expect(s.check?.(null, 'notifications', 'app://ecabinet')).toBe(false);
    expect(s.check?.(null, 'media', 'app://ecabinet')).toBe(false);
    expect(s.check?.(null, 'fullscreen', 'app://ecabinet')).toBe(true);
    expect(s.device?.()).toBe(false);
  });
});
