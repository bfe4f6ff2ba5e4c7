// Which ended sessions wipe what the device kept for the account, and what the login screen says;
// and that the kept outbox is found per account (another account never gets it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_END_REASONS, type ClientCommand } from '../../core/index.ts';
import { en } from '../i18n/en.ts';
import { vi as viMessages } from '../i18n/vi.ts';
import { meetingsWithUnsent, wipeOfflineMeetings } from '../offline/meetingStore.ts';
import { planSessionEnd, type SessionEnd } from './sessionEnd.ts';

describe('what a device does when its session ends', () => {
  it('keeps the unsent changes and the packs when the session expired or was revoked', () => {
    for (const reason of ['expired', 'revoked'] as const) {
      const plan = planSessionEnd(reason, { hasUnsent: true });
      expect(plan).toEqual({
        wipeKept: false,
        wipePacks: false,
        notice: `sessionEnd.${reason}Kept`,
      });
      // with nothing waiting the notice does not promise to send anything
      expect(planSessionEnd(reason, { hasUnsent: false }).notice).toBe(`sessionEnd.${reason}`);
    }
  });

  it('wipes everything on a logout and on a disabled account (the remote wipe)', () => {
    for (const hasUnsent of [true, false]) {
      expect(planSessionEnd('loggedOut', { hasUnsent })).toEqual({
        wipeKept: true,
        wipePacks: true,
        notice: 'login.sessionEnded',
      });
      expect(planSessionEnd('deactivated', { hasUnsent })).toEqual({
        wipeKept: true,
        wipePacks: true,
        notice: 'sessionEnd.deactivated',
      });
      // this device's own logout button: everything goes, and nothing needs explaining
      for (const reason of [null, ...SESSION_END_REASONS])
        expect(planSessionEnd(reason, { ownLogout: true, hasUnsent })).toEqual({
          wipeKept: true,
          wipePacks: true,
          notice: null,
        });
    }
  });

  it('never loses a note when the server does not say why: only the packs (copies) go', () => {
    expect(planSessionEnd(null, { hasUnsent: true })).toEqual({
      wipeKept: false,
      wipePacks: true,
      notice: 'sessionEnd.endedKept',
    });
    expect(planSessionEnd(null, { hasUnsent: false }).notice).toBe('login.sessionEnded');
  });

  it('has every notice in both languages', () => {
    const reasons: SessionEnd[] = [null, ...SESSION_END_REASONS];
    const keys = reasons.flatMap((reason) =>
      [true, false].map((hasUnsent) => planSessionEnd(reason, { hasUnsent }).notice),
    );
    const at = (messages: object, key: string): unknown =>
      key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
    for (const key of keys) {
      expect(typeof at(viMessages, key!)).toBe('string');
      expect(typeof at(en, key!)).toBe('string');
    }
    expect(viMessages.sessionEnd.expiredKept).toContain('đăng nhập lại');
  });
});

/** localStorage as the browser has it: items are the object's own keys. */
class FakeStorage {
  getItem(key: string): string | null {
    return Object.hasOwn(this, key) ? (this as unknown as Record<string, string>)[key]! : null;
  }
  setItem(key: string, value: string): void {
    (this as unknown as Record<string, string>)[key] = String(value);
  }
  removeItem(key: string): void {
    delete (this as unknown as Record<string, string>)[key];
  }
}

describe('the outbox kept on the device, per account', () => {
  const note: ClientCommand = { type: 'note.save', payload: { itemId: 'a', text: 'Ghi chú' } };
  const outbox = (id: string) => JSON.stringify([{ id, command: note }]);
  let storage: FakeStorage;
  beforeEach(() => {
    storage = new FakeStorage();
    (globalThis as { window?: unknown }).window = { localStorage: storage };
  });
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it("finds this account's meetings with changes waiting, and never another account's", () => {
    storage.setItem('ecab.outbox.alice.m1', outbox('cmd-alice-01'));
    storage.setItem('ecab.outbox.alice.m2', '[]');
    storage.setItem('ecab.outbox.alice.m3', 'damaged');
    storage.setItem('ecab.outbox.bob.m1', outbox('cmd-bob-0001'));
    storage.setItem('ecab.outbox.alicea.m9', outbox('cmd-other-01'));
    expect(meetingsWithUnsent('alice')).toEqual(['m1']);
    expect(meetingsWithUnsent('bob')).toEqual(['m1']);
    expect(meetingsWithUnsent('carol')).toEqual([]);
  });

  it("a wipe takes one account's outbox and leaves the others'", async () => {
    storage.setItem('ecab.outbox.alice.m1', outbox('cmd-alice-01'));
    storage.setItem('ecab.outbox.bob.m1', outbox('cmd-bob-0001'));
    await wipeOfflineMeetings('alice'); // (no IndexedDB here: only the outbox)
    expect(meetingsWithUnsent('alice')).toEqual([]);
    expect(meetingsWithUnsent('bob')).toEqual(['m1']);
  });
});
