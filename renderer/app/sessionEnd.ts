// What the device does when a session ends, by why it ended (docs/protocol.md §2.3).
// A delegate's unsent notes are never thrown away because a session merely ran out: an expired
// or revoked session keeps the account's outbox and kept meetings, which are sent once the same
// account signs in again. This device's own logout and a disabled account wipe them.
import type { SessionEndReason } from '../../core/index.ts';

/** Why this device's session is over: the server's reason, `null` when it could not say. */
export type SessionEnd = SessionEndReason | null;

export interface SessionEndPlan {
  /** Forget the account's unsent changes and the meetings kept for it offline. */
  wipeKept: boolean;
  /**
   * Forget the account's meeting packs (the desktop app's remote wipe). Packs are copies of the
   * server's documents, nothing of the person's own: when in doubt (no reason), they go.
   */
  wipePacks: boolean;
  /** i18n key of the notice on the login screen, or null for none. */
  notice: string | null;
}

/**
 * The plan for one ended session. `ownLogout` is this device's logout button; `hasUnsent` says
 * whether the account has changes waiting on this device (the notice then says they are kept).
 */
export function planSessionEnd(
  reason: SessionEnd,
  opts: { ownLogout?: boolean; hasUnsent: boolean },
): SessionEndPlan {
  if (opts.ownLogout) return { wipeKept: true, wipePacks: true, notice: null };
  const kept = opts.hasUnsent;
  switch (reason) {
    case 'loggedOut':
      return { wipeKept: true, wipePacks: true, notice: 'login.sessionEnded' };
    case 'deactivated':
      return { wipeKept: true, wipePacks: true, notice: 'sessionEnd.deactivated' };
    case 'expired':
      return {
        wipeKept: false,
        wipePacks: false,
        notice: kept ? 'sessionEnd.expiredKept' : 'sessionEnd.expired',
      };
    case 'revoked':
      return {
        wipeKept: false,
        wipePacks: false,
        notice: kept ? 'sessionEnd.revokedKept' : 'sessionEnd.revoked',
      };
    case null:
      return {
        wipeKept: false,
        wipePacks: true,
        notice: kept ? 'sessionEnd.endedKept' : 'login.sessionEnded',
      };
  }
}
