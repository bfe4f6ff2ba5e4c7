// electron-builder.yml, checked with electron-builder's own loader and schema (no Electron
// binary needed), and for what the installers must contain.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

async function load() {
  return getConfig(root, `${root}electron-builder.yml`, null);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBe(
      undefined,
    );
  });

  it('names the app, publishes nothing, and builds AppImage, deb, NSIS and dmg', async () => {
    const config = await load();
    expect(config.appId).toBe('vn.ecabinet.desktop');
    expect(config.productName).toBe('eCabinet');
    expect(config.publish).toEqual([]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toBe('dmg');
  });

  it('ships the bundles and the built renderer, not node_modules, and points at the bundle', async () => {
    const config = await load();
    const files = JSON.stringify(config.files);
    expect(files).toContain('dist/electron/**');
    expect(files).toContain('dist/renderer/**');
    expect(files).toContain('!node_modules');
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(pkg.scripts.dist).toContain('--publish never');
  });

  it('has an icon that is a PNG of at least 512×512 and well under 1 MB', () => {
    const icon = readFileSync(`${root}build/icon.png`);
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    expect(icon.length).toBeLessThan(1024 * 1024);
    expect(existsSync(`${root}electron/builder-before-build.cjs`)).toBe(true);
  });
});
