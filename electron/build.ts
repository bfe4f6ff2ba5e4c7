// Bundles the main process (ES module) and the preload (CommonJS: sandboxed preloads cannot be
// modules) into dist/electron/. Everything but Electron and Node's built-ins is bundled in, so
// the installer needs no node_modules. `node electron/build.ts [outDir]`
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

function config(entry: string, outDir: string, format: 'es' | 'cjs', file: string): InlineConfig {
  return {
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        external: ['electron', /^node:/],
        output: { format, entryFileNames: file },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
}

export async function buildElectron(outDir: string): Promise<void> {
  await build(config('electron/main.ts', outDir, 'es', 'main.js'));
  await build(config('electron/preload.ts', outDir, 'cjs', 'preload.cjs'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildElectron(process.argv[2] ?? 'dist/electron');
}
