// What a device keeps of a meeting so it opens and works with no network: the meeting state at
// its revision (IndexedDB: it can be large) and the outbox of commands not yet acknowledged
// (localStorage: written synchronously, so a reload right after an edit cannot lose it).
// Everything read back is checked, like any other input: a damaged record is dropped.
import {
  ClientCommandSchema,
  withDefaults,
  type ClientCommand,
  type MeetingState,
} from '../../core/index.ts';

export interface StoredMeeting {
  meeting: MeetingState;
  rev: number;
}

export interface OutboxRecord {
  id: string;
  command: ClientCommand;
}

/** One meeting's offline data for one account on this device. */
export interface MeetingPersistence {
  loadState(): Promise<StoredMeeting | null>;
  saveState(state: StoredMeeting): Promise<void>;
  loadOutbox(): OutboxRecord[];
  /** False when it could not be kept (storage full or disabled): the caller warns. */
  saveOutbox(records: readonly OutboxRecord[]): boolean;
}

const DB_NAME = 'ecab-offline';
const STORE = 'meetings';
const OUTBOX_PREFIX = 'ecab.outbox.';

const outboxKey = (userId: string, meetingId: string) => `${OUTBOX_PREFIX}${userId}.${meetingId}`;
const stateKey = (userId: string, meetingId: string) => `${userId}/${meetingId}`;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not open'));
  });
}

let db: Promise<IDBDatabase> | null = null;
const database = (): Promise<IDBDatabase> =>
  (db ??= openDb().catch((err: unknown) => {
    db = null;
    throw err;
  }));

function request<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return database().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const tx = d.transaction(STORE, mode);
        const req = run(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result as T);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** A stored state as read back: only something shaped like a meeting at a revision. */
export function parseStoredMeeting(value: unknown, meetingId: string): StoredMeeting | null {
  if (typeof value !== 'object' || value === null) return null;
  const { meeting, rev } = value as Partial<StoredMeeting>;
  if (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 0) return null;
  if (typeof meeting !== 'object' || meeting === null || meeting.id !== meetingId) return null;
  if (meeting.rev !== rev) return null;
  return { meeting: withDefaults(meeting), rev };
}

/** An outbox as read back: well-formed commands with well-formed ids, the rest dropped. */
export function parseOutbox(text: string | null): OutboxRecord[] {
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: OutboxRecord[] = [];
  for (const r of raw as unknown[]) {
    const rec = r as Partial<OutboxRecord> | null;
    if (typeof rec?.id !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(rec.id)) continue;
    const parsed = ClientCommandSchema.safeParse(rec.command);
    if (parsed.success) out.push({ id: rec.id, command: parsed.data });
  }
  return out;
}

export function browserPersistence(userId: string, meetingId: string): MeetingPersistence {
  return {
    async loadState() {
      try {
        const value = await request<unknown>('readonly', (s) => s.get(stateKey(userId, meetingId)));
        return parseStoredMeeting(value, meetingId);
      } catch {
        return null;
      }
    },
    async saveState(state) {
      await request('readwrite', (s) => s.put(state, stateKey(userId, meetingId))).catch(
        () => undefined, // not kept: the device will fetch a snapshot next time
      );
    },
    loadOutbox() {
      return parseOutbox(storage()?.getItem(outboxKey(userId, meetingId)) ?? null);
    },
    saveOutbox(records) {
      const store = storage();
      if (!store) return false;
      try {
        if (records.length === 0) store.removeItem(outboxKey(userId, meetingId));
        else store.setItem(outboxKey(userId, meetingId), JSON.stringify(records));
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * The meetings with changes of this account still waiting on this device (kept across a session
 * that expired), so that they are sent as soon as the same account signs in again.
 */
export function meetingsWithUnsent(userId: string): string[] {
  const store = storage();
  if (!store) return [];
  const prefix = `${OUTBOX_PREFIX}${userId}.`;
  const found: string[] = [];
  for (const key of Object.keys(store)) {
    if (!key.startsWith(prefix)) continue;
    const meetingId = key.slice(prefix.length);
    if (parseOutbox(store.getItem(key)).length > 0) found.push(meetingId);
  }
  return found.sort();
}

/** Forgets everything kept offline for one account (logout), or for all (a wipe). */
export async function wipeOfflineMeetings(userId: string | null): Promise<void> {
  const store = storage();
  if (store) {
    const prefix = userId === null ? OUTBOX_PREFIX : `${OUTBOX_PREFIX}${userId}.`;
    for (const key of Object.keys(store)) if (key.startsWith(prefix)) store.removeItem(key);
  }
  try {
    if (userId === null) await request('readwrite', (s) => s.clear());
    else {
      const range = IDBKeyRange.bound(`${userId}/`, `${userId}/\uffff`);
      await request('readwrite', (s) => s.delete(range));
    }
  } catch {
    // no IndexedDB: nothing was kept there
  }
}
