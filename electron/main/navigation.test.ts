import { describe, expect, it, vi } from 'vitest';
import { fakeWebContents } from '../testing/fakes.ts';
import { guardWebContents, isSafeExternalUrl } from './navigation.ts';

const DOC = `app://ecabinet/api/meetings/m-1/files/${'a'.repeat(64)}`;

function guarded() {
  const contents = fakeWebContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  guardWebContents(contents as never, { openExternal });
  return { contents, openExternal };
}

describe('navigation', () => {
  it.each(['app://ecabinet/index.html', 'app://ecabinet/index.html#/meetings/m1'])(
    'stays allowed within the app: %s',
    (url) => {
      const { contents, openExternal } = guarded();
      expect(contents.emit('will-navigate', url)).toBe(false);
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('refuses to leave the app for a web page, and opens it in the system browser', () => {
    const { contents, openExternal } = guarded();
    expect(contents.emit('will-navigate', 'https://www.chinhphu.vn/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.chinhphu.vn/');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://evil/index.html',
    'ms-settings:privacy',
    'http://admin:secret@192.168.1.20/',
  ])('refuses %s and opens nothing', (url) => {
    const { contents, openExternal } = guarded();
    expect(contents.emit('will-navigate', url)).toBe(true);
    expect(contents.emit('will-redirect', url)).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a redirect away from the app', () => {
    const { contents } = guarded();
    expect(contents.emit('will-redirect', 'https://phishing.example/login')).toBe(true);
    expect(contents.emit('will-redirect', 'app://ecabinet/index.html')).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded();
    expect(contents.emit('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('new windows', () => {
  it('opens an http(s) link in the system browser, never in the app', () => {
    const { contents, openExternal } = guarded();
    expect(contents.open('https://thuvienphapluat.vn/van-ban')).toEqual({ action: 'deny' });
    expect(contents.open('http://intranet.local/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://thuvienphapluat.vn/van-ban',
      'http://intranet.local/',
    ]);
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(document.cookie)',
    'vbscript:msgbox',
    'smb://attacker/share',
    'ecabinet://callback',
    'app://ecabinet/index.html',
    'about:blank',
    'https://user:pw@bank.example@evil.example/',
    `https://example.org/${'x'.repeat(3000)}`,
  ])('refuses %s outright', (url) => {
    const { contents, openExternal } = guarded();
    expect(contents.open(url)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens a meeting document in a locked-down window without a preload', () => {
    const { contents, openExternal } = guarded();
    const decision = contents.open(DOC) as {
      action: string;
      overrideBrowserWindowOptions: { webPreferences: Record<string, unknown> };
    };
    expect(decision.action).toBe('allow');
    const prefs = decision.overrideBrowserWindowOptions.webPreferences;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs.preload).toBeUndefined();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('does not treat look-alike document addresses as documents', () => {
    const { contents } = guarded();
    expect(contents.open(`${DOC}?x=1`)).toEqual({ action: 'deny' });
    expect(contents.open(DOC.replace('app://ecabinet', 'app://other'))).toEqual({
      action: 'deny',
    });
    expect(contents.open('app://ecabinet/api/meetings/m-1/files/..%2f..%2fetc')).toEqual({
      action: 'deny',
    });
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts plain web addresses only', () => {
    expect(isSafeExternalUrl('https://example.org/a?b=c')).toBe(true);
    expect(isSafeExternalUrl('not a url')).toBe(false);
    expect(isSafeExternalUrl('mailto:chair@example.org')).toBe(false);
  });
});
