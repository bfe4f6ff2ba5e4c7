// Where a window may go: navigation stays on the app origin; new windows are refused, except a
// meeting document (opened in a locked-down document window); http(s) links go to the system
// browser after a check; every other scheme (file:, javascript:, custom ones) goes nowhere.
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';
import { documentWindowOptions } from './window.ts';

const DOCUMENT_PATH = /^\/api\/meetings\/[A-Za-z0-9_-]{1,64}\/files\/[a-f0-9]{64}$/;

/** An address that may be handed to the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  if (raw.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  // user:pass@ hides the real host from a reader of the link
  return !url.username && !url.password && url.hostname.length > 0;
}

/** A meeting document on the app origin, which opens in a document window. */
export function isDocumentUrl(raw: string): boolean {
  if (!isAppUrl(raw)) return false;
  const url = new URL(raw);
  return DOCUMENT_PATH.test(url.pathname) && !url.search && !url.hash;
}

export type OpenDecision =
  | { action: 'deny' }
  | { action: 'allow'; overrideBrowserWindowOptions: BrowserWindowConstructorOptions };

export interface NavigationDeps {
  openExternal: (url: string) => Promise<void>;
  log?: (msg: string) => void;
}

export function decideWindowOpen(url: string, deps: NavigationDeps): OpenDecision {
  if (isDocumentUrl(url))
    return { action: 'allow', overrideBrowserWindowOptions: documentWindowOptions() };
  if (isSafeExternalUrl(url)) void deps.openExternal(url).catch(() => undefined);
  else deps.log?.(`refused to open ${url.slice(0, 200)}`);
  return { action: 'deny' };
}

/** The handler for 'will-navigate' and 'will-redirect': only the app's own pages. */
export function guardNavigation(
  event: { preventDefault(): void },
  url: string,
  deps: NavigationDeps,
): void {
  if (isAppUrl(url)) return;
  event.preventDefault();
  if (isSafeExternalUrl(url)) void deps.openExternal(url).catch(() => undefined);
  else deps.log?.(`refused to navigate to ${url.slice(0, 200)}`);
}

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applies the rules to one webContents (every one the app creates, see main.ts). */
export function guardWebContents(contents: GuardedContents, deps: NavigationDeps): void {
  contents.on('will-navigate', (event, url) => guardNavigation(event, url, deps));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url, deps));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url, deps));
}
