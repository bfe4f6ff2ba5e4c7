// Builds the desktop bundles (main, preload) and the renderer into a temporary folder — about two
// seconds — and checks what they import. It builds by itself so `npm test` needs no build first.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './testing/fakes.ts';
import { buildElectron } from './build.ts';
import {
  importsOf,
  inspectPreload,
  KNOWN_CHANNELS,
  mainProblems,
  rendererProblems,
} from './bundle-check.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
let out = '';
let dispose: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ dir: out, dispose } = await tempDir());
  await buildElectron(join(out, 'electron'));
  await build({
    configFile: join(root, 'renderer/vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: join(out, 'renderer'), emptyOutDir: true, sourcemap: false },
  });
}, 60_000);
afterAll(() => dispose());

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(m?js|cjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('the renderer bundle', () => {
  it('imports no Node built-in, no Electron, nothing a browser cannot load', async () => {
    const files = await jsFiles(join(out, 'renderer'));
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of files)
      problems.push(...rendererProblems(file, await readFile(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the check itself catches what it should', () => {
    expect(rendererProblems('x.js', 'import{readFile as r}from"node:fs";')).toHaveLength(1);
    expect(rendererProblems('x.js', 'const fs=require("fs")')).toHaveLength(1);
    expect(rendererProblems('x.js', 'const {ipcRenderer}=window.electron')).toHaveLength(1);
    expect(rendererProblems('x.js', 'const f=await import(`node:fs`)')).toHaveLength(1);
    // text that only looks like an import is not one
    expect(rendererProblems('x.js', '/* import x from "fs" */ const s=\'require("fs")\'')).toEqual(
      [],
    );
    expect(rendererProblems('x.js', 'import("electron")')).toHaveLength(1);
    expect(rendererProblems('x.js', 'import"react"')).toHaveLength(1);
    expect(rendererProblems('x.js', 'import{a}from"./chunk-1.js";import("./b.js")')).toEqual([]);
  });
});

describe('the main-process bundle', () => {
  it('imports only Electron and Node built-ins (everything else is bundled in)', async () => {
    const code = await readFile(join(out, 'electron', 'main.js'), 'utf8');
    expect(importsOf(code)).toContain('electron');
    expect(mainProblems(code)).toEqual([]);
  });

  it('never turns a window security setting off', () => {
    expect(mainProblems('new BrowserWindow({webPreferences:{sandbox:false}})')).toEqual([
      'main sets sandbox:false',
    ]);
    expect(mainProblems('x={nodeIntegration:!0,contextIsolation:!1}')).toHaveLength(2);
    expect(mainProblems('import z from "zod"')).toEqual([
      'main imports "zod" (it should be bundled in)',
    ]);
  });
});

describe('the preload bundle', () => {
  it('requires only electron and exposes only window.desktop', async () => {
    const report = await inspectPreload(
      await readFile(join(out, 'electron', 'preload.cjs'), 'utf8'),
    );
    expect(report.required).toEqual(['electron']);
    expect(report.exposedKeys).toEqual(['desktop']);
  });

  it('never exposes ipcRenderer or any of its functions, only plain data and functions', async () => {
    const report = await inspectPreload(
      await readFile(join(out, 'electron', 'preload.cjs'), 'utf8'),
    );
    expect(report.leaks).toEqual([]);
    expect(report.oddValues).toEqual([]);
  });

  it('reaches main only through invoke, on the contract’s channels', async () => {
    const report = await inspectPreload(
      await readFile(join(out, 'electron', 'preload.cjs'), 'utf8'),
    );
    expect(report.otherIpc).toEqual([]);
    expect(new Set(report.invoked)).toEqual(KNOWN_CHANNELS);
  });

  it('stays small (no zod, no renderer code)', async () => {
    const code = await readFile(join(out, 'electron', 'preload.cjs'), 'utf8');
    expect(code.length).toBeLessThan(20_000);
  });

  it('the check itself catches a preload that hands over ipcRenderer', async () => {
    const bad = `const { contextBridge, ipcRenderer } = require('electron');
      contextBridge.exposeInMainWorld('desktop', { ipc: ipcRenderer, send: ipcRenderer.send });
      contextBridge.exposeInMainWorld('fs', require('fs'));`;
    await expect(inspectPreload(bad)).rejects.toThrow('cannot require "fs"');
    const leaky = `const { contextBridge, ipcRenderer } = require('electron');
      contextBridge.exposeInMainWorld('desktop', { ipc: ipcRenderer, on: ipcRenderer.on });`;
    const report = await inspectPreload(leaky);
    expect(report.leaks).toContain('window.desktop.ipc');
    expect(report.leaks).toContain('window.desktop.ipc.invoke');
    expect(report.leaks).toContain('window.desktop.on');
  });
});
