// Permission requests (camera, microphone, notifications, geolocation, …) are refused; only going
// full screen (a chair presenting) and writing to the clipboard are allowed, from the app itself.
import type { Session } from 'electron';
import { isAppUrl } from './app-origin.ts';

const ALLOWED = new Set(['fullscreen', 'clipboard-sanitized-write']);

export function allowPermission(permission: string, requestingUrl: string): boolean {
  return ALLOWED.has(permission) && isAppUrl(requestingUrl);
}

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export function lockPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(allowPermission(permission, details.requestingUrl ?? contents?.getURL() ?? ''));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowPermission(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false); // HID, serial, USB
}
