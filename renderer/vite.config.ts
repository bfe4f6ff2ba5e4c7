// Vite builds the renderer from renderer/ into dist/renderer; in dev it proxies to the server.
import {
  cpSync,
  createReadStream,
  existsSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
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

/** Names this build: the service worker stores each build's app shell under its own name. */
const BUILD_ID = Date.now().toString(36);

/**
 * Lists every built file in `precache.json`, for the service worker (sw.ts) to store the whole
 * app, pdf.js's assets and the lazily loaded viewer included, so that it starts with no network.
 */
export function precacheList(): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  return {
    name: 'ecab-precache',
    writeBundle: {
      sequential: true,
      order: 'post',
      handler(options) {
        const out = resolve(options.dir ?? 'dist');
        const files = walk(out)
          .map((f) => relative(out, f).split(sep).join('/'))
          .filter((f) => !f.endsWith('.map') && f !== 'sw.js' && f !== 'precache.json')
          .sort();
        writeFileSync(join(out, 'precache.json'), JSON.stringify({ version: BUILD_ID, files }));
      },
    },
  };
}

export default defineConfig({
  root,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [pdfjsAssets(), precacheList()],
  define: { __BUILD_ID__: JSON.stringify(BUILD_ID) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { index: resolve(root, 'index.html'), sw: resolve(root, 'sw.ts') },
      output: {
        // the service worker sits at the root, so that its scope is the whole app
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
