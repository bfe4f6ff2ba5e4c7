// The app's own origin: the renderer is served from app://ecabinet/ (a privileged custom scheme,
// not file://), so it has a real origin for CSP, fetch and pdf.js module workers.
export const APP_SCHEME = 'app';
export const APP_HOST = 'ecabinet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for a URL on the app's own origin. (WHATWG URL gives custom schemes the origin "null".) */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
