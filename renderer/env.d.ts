// Set by renderer/vite.config.ts at build time: names the build (the service worker's shell).
declare const __BUILD_ID__: string;

interface ImportMeta {
  /** Vite's build-time environment (only what the renderer reads). */
  readonly env: { readonly PROD: boolean };
}
