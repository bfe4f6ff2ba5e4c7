import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../testing/fakes.ts';
import { APP_SCHEME_PRIVILEGES, createAppHandler, resolveAssetPath } from './scheme.ts';

const ROOT = resolve('/opt/ecabinet/resources/app/dist/renderer');

describe('the app:// path resolver', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-Bx1.js', 'assets/index-Bx1.js'],
    ['/assets/pdf.worker.min.mjs', 'assets/pdf.worker.min.mjs'],
    ['/./assets//a.css', 'assets/a.css'],
    ['/t%C3%A0i%20li%E1%BB%87u.png', 'tài liệu.png'],
  ])('%s → %s inside dist/renderer', (path, file) => {
    expect(resolveAssetPath(ROOT, path)).toBe(join(ROOT, file));
  });

  it.each([
    '/../../../etc/passwd',
    '/assets/../../secret',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%2f..%2fetc%2fpasswd',
    '/assets%5c..%5c..%5cwindows',
    '/a\\..\\..\\b',
    '/index.html%00.png',
    '/C:/Windows/win.ini',
    '/file.txt:secret',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveAssetPath(ROOT, path)).toBeNull();
  });
});

describe('the app:// handler', () => {
  async function setup() {
    const { dir: top, dispose } = await tempDir();
    const dir = join(top, 'renderer');
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>eCabinet</title>');
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'assets', 'pdf.worker.mjs'), 'export {}');
    await writeFile(join(top, 'secret.txt'), 'do not serve');
    const api = vi.fn(async (_req: Request) => new Response('{"ok":true}'));
    const handle = createAppHandler({ root: dir, csp: () => "default-src 'self'", api });
    return { handle, api, dispose };
  }

  it('serves the page with the CSP, the right type and nosniff', async () => {
    const { handle, dispose } = await setup();
    const res = await handle(new Request('app://ecabinet/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>eCabinet</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    await dispose();
  });

  it('serves module workers as JavaScript (pdf.js needs this)', async () => {
    const { handle, dispose } = await setup();
    const res = await handle(new Request('app://ecabinet/assets/pdf.worker.mjs'));
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    await dispose();
  });

  it('answers 404 for a missing file, a path out of the folder, another host', async () => {
    const { handle, dispose } = await setup();
    for (const url of [
      'app://ecabinet/nope.js',
      'app://ecabinet/%2e%2e/secret.txt',
      'app://other/index.html',
    ]) {
      const res = await handle(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('do not serve');
    }
    await dispose();
  });

  it('hands /api/ to the proxy and refuses writes to files', async () => {
    const { handle, api, dispose } = await setup();
    const res = await handle(new Request('app://ecabinet/api/me'));
    expect(await res.json()).toEqual({ ok: true });
    expect(api).toHaveBeenCalledTimes(1);
    expect(
      (await handle(new Request('app://ecabinet/index.html', { method: 'POST' }))).status,
    ).toBe(405);
    await dispose();
  });

  it('is registered as a standard, secure scheme with fetch, CORS and streams', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        stream: true,
      },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });
});
