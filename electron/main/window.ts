// The one application window, locked down: isolated, sandboxed, no Node, web security on.
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-origin.ts';

/** Settings every window of the app gets, the main one and the document windows alike. */
export const LOCKED_DOWN: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
};

export interface MainWindowOptions {
  preload: string;
  icon?: string;
  /** DevTools only in development builds. */
  devTools: boolean;
}

export function mainWindowOptions(opts: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'eCabinet',
    backgroundColor: '#14284b',
    autoHideMenuBar: true,
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: { ...LOCKED_DOWN, preload: opts.preload, devTools: opts.devTools },
  };
}

/**
 * A window that shows one meeting document (a PDF from the app origin) with Chromium's viewer.
 * No preload: it cannot call main. Plugins are on only here, for the built-in PDF viewer.
 */
export function documentWindowOptions(): BrowserWindowConstructorOptions {
  return {
    width: 1000,
    height: 800,
    autoHideMenuBar: true,
    webPreferences: { ...LOCKED_DOWN, plugins: true, devTools: false },
  };
}

export interface WindowApi {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

export function createMainWindow(electron: WindowApi, opts: MainWindowOptions): BrowserWindow {
  const win = new electron.BrowserWindow(mainWindowOptions(opts));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
