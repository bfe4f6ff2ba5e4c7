// Vite builds the renderer from renderer/ into dist/renderer; in dev it proxies to the server.
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const server = 'http://127.0.0.1:8080';

/** pdf.js's CMaps (CJK text), standard fonts and wasm image decoders, next to the app. */
const PDFJS_DIRS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];
const PDFJS_TYPES: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.icc': 'application/vnd.iccprofile',
};

/** Copies them into `<outDir>/pdfjs/` on build, and serves them at `/pdfjs/` in dev. */
export function pdfjsAssets(): Plugin {
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    name: 'ecab-pdfjs-assets',
    configureServer(dev) {
      dev.middlewares.use('/pdfjs', (req, res, next) => {
        const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!));
        const file = join(pdfjs, path);
        const inside = PDFJS_DIRS.some((d) => file.startsWith(join(pdfjs, d) + '/'));
        if (!inside || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', PDFJS_TYPES[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle(options) {
      const out = resolve(options.dir ?? 'dist', 'pdfjs');
      for (const d of PDFJS_DIRS) cpSync(join(pdfjs, d), join(out, d), { recursive: true });
    },
  };
}

export default defineConfig({
  root,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [pdfjsAssets()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
