import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fakes.ts';
import { DEFAULT_CONFIG, loadConfig, saveConfig } from './config.ts';

describe('the settings file', () => {
  it('starts with no server, a 7-day offline lock and a 30-day retention', async () => {
    const { dir, dispose } = await tempDir();
    expect(await loadConfig(join(dir, 'config.json'))).toEqual({
      config: { serverOrigin: null, offlineLockDays: 7, retentionDays: 30 },
      problem: null,
    });
    expect(DEFAULT_CONFIG.offlineLockDays).toBe(7);
    await dispose();
  });

  it('saves and loads the chosen server', async () => {
    const { dir, dispose } = await tempDir();
    const file = join(dir, 'config.json');
    await saveConfig(file, { ...DEFAULT_CONFIG, serverOrigin: 'https://192.168.1.20:8443' });
    expect((await loadConfig(file)).config.serverOrigin).toBe('https://192.168.1.20:8443');
    await dispose();
  });

  it('keeps the good values of a hand-edited file and reports the bad ones', async () => {
    const { dir, dispose } = await tempDir();
    const file = join(dir, 'config.json');
    await writeFile(
      file,
      JSON.stringify({ serverOrigin: 'https://ecab.local', offlineLockDays: 0, retentionDays: 60 }),
    );
    const loaded = await loadConfig(file);
    expect(loaded.config).toEqual({
      serverOrigin: 'https://ecab.local',
      offlineLockDays: 7,
      retentionDays: 60,
    });
    expect(loaded.problem).toContain('offlineLockDays');
    await dispose();
  });

  it.each(['javascript:alert(1)', 'file:///etc', 'https://ecab.local/path', 'https://u:p@h'])(
    'refuses %s as a server',
    async (serverOrigin) => {
      const { dir, dispose } = await tempDir();
      const file = join(dir, 'config.json');
      await writeFile(file, JSON.stringify({ serverOrigin }));
      const loaded = await loadConfig(file);
      expect(loaded.config.serverOrigin).toBeNull();
      expect(loaded.problem).toContain('serverOrigin');
      await expect(saveConfig(file, { ...DEFAULT_CONFIG, serverOrigin })).rejects.toThrow();
      await dispose();
    },
  );

  it('starts with the defaults when the file is not JSON', async () => {
    const { dir, dispose } = await tempDir();
    const file = join(dir, 'config.json');
    await writeFile(file, '{"serverOrigin": ');
    const loaded = await loadConfig(file);
    expect(loaded.config).toEqual(DEFAULT_CONFIG);
    expect(loaded.problem).not.toBeNull();
    await saveConfig(file, DEFAULT_CONFIG);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(DEFAULT_CONFIG);
    await dispose();
  });
});
