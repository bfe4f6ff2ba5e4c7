// Projector tokens: one per meeting, read-only, valid until revoked or replaced, or until the
// meeting closes. Only a hash is kept on disk, like session tokens.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/types.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export class ProjectorTokens {
  readonly #store: Store;
  /** token hash -> meeting id */
  readonly #byHash = new Map<string, string>();
  /** meeting id -> token hash */
  readonly #byMeeting = new Map<string, string>();
  /** Called when a meeting's token stops working (revoked or replaced). */
  readonly onRevoked = new Set<(meetingId: string) => void>();

  constructor(store: Store) {
    this.#store = store;
  }

  async load(meetingIds: string[]): Promise<void> {
    for (const id of meetingIds) {
      const record = await this.#store.readProjector(id);
      if (record) this.#set(id, record.tokenHash);
    }
  }

  /** A new token for the meeting; the previous one stops working. */
  async issue(meetingId: string, by: string, now: Date): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const tokenHash = hash(token);
    await this.#store.writeProjector(meetingId, {
      tokenHash,
      createdAt: now.toISOString(),
      createdBy: by,
    });
    const had = this.#byMeeting.has(meetingId);
    this.#set(meetingId, tokenHash);
    if (had) this.onRevoked.forEach((f) => f(meetingId));
    return token;
  }

  async revoke(meetingId: string): Promise<void> {
    await this.#store.writeProjector(meetingId, null);
    this.#set(meetingId, null);
    this.onRevoked.forEach((f) => f(meetingId));
  }

  /** The meeting a token opens, or null. */
  meetingOf(token: string): string | null {
    return this.#byHash.get(hash(token)) ?? null;
  }

  #set(meetingId: string, tokenHash: string | null): void {
    const old = this.#byMeeting.get(meetingId);
    if (old) this.#byHash.delete(old);
    this.#byMeeting.delete(meetingId);
    if (tokenHash === null) return;
    this.#byHash.set(tokenHash, meetingId);
    this.#byMeeting.set(meetingId, tokenHash);
  }
}
