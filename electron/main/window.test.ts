import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow, documentWindowOptions, mainWindowOptions } from './window.ts';

const options = mainWindowOptions({ preload: '/app/dist/electron/preload.cjs', devTools: false });
const prefs = options.webPreferences ?? {};

describe('the main window', () => {
  it('isolates the page from the preload (contextIsolation)', () => {
    expect(prefs.contextIsolation).toBe(true);
  });
  it('runs the renderer in the OS sandbox', () => {
    expect(prefs.sandbox).toBe(true);
  });
  it('gives the page no Node, not in workers and not in frames', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps web security on and refuses insecure content', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });
  it('allows no <webview>, no experimental features, no navigation by dropping a file', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });
  it('loads our preload and shows DevTools only when asked (development)', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.devTools).toBe(false);
    const dev = mainWindowOptions({ preload: '/p.cjs', devTools: true });
    expect(dev.webPreferences?.devTools).toBe(true);
  });
  it('is shown only once painted, to avoid a white flash', () => {
    expect(options.show).toBe(false);
  });

  it('opens the app from app://ecabinet/, not from file://, and shows when ready', () => {
    const made: { options: BrowserWindowConstructorOptions; url: string; shown: boolean }[] = [];
    class FakeWindow {
      ready: (() => void) | null = null;
      record: { options: BrowserWindowConstructorOptions; url: string; shown: boolean };
      constructor(o: BrowserWindowConstructorOptions) {
        this.record = { options: o, url: '', shown: false };
        made.push(this.record);
      }
      once(event: string, cb: () => void) {
        if (event === 'ready-to-show') this.ready = cb;
      }
      show() {
        this.record.shown = true;
      }
      async loadURL(url: string) {
        this.record.url = url;
      }
    }
    const win = createMainWindow(
      { BrowserWindow: FakeWindow as never },
      { preload: '/p.cjs', devTools: false },
    ) as unknown as FakeWindow;
    expect(made).toHaveLength(1);
    expect(made[0]?.url).toBe('app://ecabinet/index.html');
    expect(made[0]?.options.webPreferences?.sandbox).toBe(true);
    expect(made[0]?.shown).toBe(false);
    win.ready?.();
    expect(made[0]?.shown).toBe(true);
  });
});

describe('a document window', () => {
  const doc = documentWindowOptions().webPreferences ?? {};
  it('is as locked down as the main window and has no preload (it cannot call main)', () => {
    expect(doc.contextIsolation).toBe(true);
    expect(doc.sandbox).toBe(true);
    expect(doc.nodeIntegration).toBe(false);
    expect(doc.webSecurity).toBe(true);
    expect(doc.preload).toBeUndefined();
    expect(doc.devTools).toBe(false);
  });
});
