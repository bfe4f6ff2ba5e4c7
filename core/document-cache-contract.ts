// The one contract every DocumentCache must keep, as plain async cases with their own asserts
// (no test runner), so the same cases run under Vitest in Node and inside a real Chromium page.
import {
  DAY_MS,
  sha256Hex,
  type CacheUsage,
  type DocumentCache,
  type PackRef,
} from './document-cache.ts';

export interface CacheHarness {
  cache: DocumentCache;
  /** Overwrites the stored copy of a document with other bytes, as a failing disk would. */
  corrupt(sha256: string): Promise<void>;
  /** A new instance over the same storage: the app restarted. */
  reopen(): Promise<DocumentCache>;
  /** Moves the cache's clock forward. */
  advance(ms: number): void;
  /** Frees what the harness made (a temporary folder). */
  dispose?(): Promise<void>;
}

/** Every harness is built with this retention, so the cases can step over it. */
export const CONTRACT_RETENTION_MS = 30 * DAY_MS;

export type MakeHarness = () => Promise<CacheHarness>;

export interface ContractCase {
  name: string;
  run(h: CacheHarness): Promise<void>;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function rejects(promise: Promise<unknown>, message: string): Promise<void> {
  const outcome = await promise.then(
    () => 'resolved',
    () => 'rejected',
  );
  check(outcome === 'rejected', message);
}

function sameBytes(a: Uint8Array | null, b: Uint8Array): boolean {
  return !!a && a.length === b.length && a.every((v, i) => v === b[i]);
}

async function doc(text: string): Promise<{ sha: string; bytes: Uint8Array }> {
  const bytes = new TextEncoder().encode(`%PDF-1.7 ${text}`);
  return { sha: await sha256Hex(bytes), bytes };
}

const alice = (meetingId: string): PackRef => ({ account: 'u-alice', meetingId });
const bob = (meetingId: string): PackRef => ({ account: 'u-bob', meetingId });

function usageIs(usage: CacheUsage, files: number, bytes: number): boolean {
  return usage.files === files && usage.bytes === bytes;
}

export const DOCUMENT_CACHE_CONTRACT: ContractCase[] = [
  {
    name: 'reads back a stored document byte for byte',
    async run({ cache }) {
      const a = await doc('agenda');
      await cache.put(a.sha, a.bytes, alice('m1'));
      check(await cache.has(a.sha), 'has() should be true after put()');
      check(sameBytes(await cache.get(a.sha), a.bytes), 'get() should return the same bytes');
    },
  },
  {
    name: 'reports an unknown document as missing',
    async run({ cache }) {
      const a = await doc('never stored');
      check((await cache.get(a.sha)) === null, 'get() of an unknown document should be null');
      check(!(await cache.has(a.sha)), 'has() of an unknown document should be false');
    },
  },
  {
    name: 'refuses bytes that do not hash to the given SHA-256, and keeps nothing',
    async run({ cache }) {
      const a = await doc('real');
      const b = await doc('forged');
      await rejects(cache.put(a.sha, b.bytes, alice('m1')), 'put() with wrong bytes should fail');
      check(!(await cache.has(a.sha)), 'nothing should be stored after a refused put()');
      check((await cache.list()).length === 0, 'list() should stay empty');
    },
  },
  {
    name: 'refuses names that are not a SHA-256 (no path tricks)',
    async run({ cache }) {
      const a = await doc('x');
      await rejects(cache.get('../../etc/passwd'), 'get() of a path should fail');
      await rejects(cache.has('A'.repeat(64)), 'has() of an upper-case name should fail');
      await rejects(cache.put('..', a.bytes, alice('m1')), 'put() under a path should fail');
      await rejects(cache.delete('../index.json'), 'delete() of a path should fail');
    },
  },
  {
    name: 'lists the stored documents and counts their size',
    async run({ cache }) {
      const a = await doc('one');
      const b = await doc('two, a little longer');
      await cache.put(a.sha, a.bytes, alice('m1'));
      await cache.put(b.sha, b.bytes, alice('m1'));
      await cache.put(b.sha, b.bytes, alice('m2')); // a twin is kept once
      check(
        JSON.stringify((await cache.list()).sort()) === JSON.stringify([a.sha, b.sha].sort()),
        'list() should hold both documents once',
      );
      const usage = await cache.usage();
      check(
        usageIs(usage, 2, a.bytes.length + b.bytes.length),
        `usage() should be 2 files, ${a.bytes.length + b.bytes.length} bytes; got ${JSON.stringify(usage)}`,
      );
    },
  },
  {
    name: 'claims a stored document for another pack, which then keeps it',
    async run({ cache }) {
      const a = await doc('in two meetings');
      const b = await doc('never downloaded');
      await cache.put(a.sha, a.bytes, alice('m1'));
      check(await cache.claim(a.sha, bob('m2')), 'claim() of a stored document should be true');
      check(!(await cache.claim(b.sha, bob('m2'))), 'claim() of a missing document is false');
      check(!(await cache.has(b.sha)), 'a failed claim stores nothing');
      await cache.wipeAccount('u-alice');
      check(await cache.has(a.sha), "bob's claim should keep the document after alice's wipe");
      await cache.wipeAccount('u-bob');
      check(!(await cache.has(a.sha)), 'with no claim left the document goes');
    },
  },
  {
    name: 'deletes a document',
    async run({ cache }) {
      const a = await doc('to delete');
      await cache.put(a.sha, a.bytes, alice('m1'));
      await cache.delete(a.sha);
      check(!(await cache.has(a.sha)), 'has() should be false after delete()');
      check((await cache.get(a.sha)) === null, 'get() should be null after delete()');
      await cache.delete(a.sha); // deleting twice is fine
    },
  },
  {
    name: 'drops a corrupted copy on read and reports it missing, so it is fetched again',
    async run(h) {
      const a = await doc('will rot');
      await h.cache.put(a.sha, a.bytes, alice('m1'));
      await h.corrupt(a.sha);
      check((await h.cache.get(a.sha)) === null, 'get() of a corrupted copy should be null');
      check(!(await h.cache.has(a.sha)), 'the corrupted copy should be gone');
      await h.cache.put(a.sha, a.bytes, alice('m1'));
      check(sameBytes(await h.cache.get(a.sha), a.bytes), 'a fresh copy should read back');
    },
  },
  {
    name: 'keeps documents and packs across a restart',
    async run(h) {
      const a = await doc('kept');
      await h.cache.put(a.sha, a.bytes, alice('m1'));
      await h.cache.notePack(alice('m1'), true);
      const again = await h.reopen();
      check(sameBytes(await again.get(a.sha), a.bytes), 'the document should survive a restart');
      h.advance(CONTRACT_RETENTION_MS + 1);
      check(
        (await again.evict()).includes(a.sha),
        'the closed pack should still be known (and expire) after a restart',
      );
    },
  },
  {
    name: "evicts a closed meeting's pack after the retention, not before",
    async run(h) {
      const a = await doc('closed meeting');
      const b = await doc('open meeting');
      await h.cache.put(a.sha, a.bytes, alice('closed'));
      await h.cache.put(b.sha, b.bytes, alice('open'));
      await h.cache.notePack(alice('closed'), true);
      await h.cache.notePack(alice('open'), false);
      h.advance(CONTRACT_RETENTION_MS - 1000);
      check((await h.cache.evict()).length === 0, 'nothing should expire before the retention');
      check(await h.cache.has(a.sha), 'the closed pack should still be there');
      h.advance(2000);
      const evicted = await h.cache.evict();
      check(
        JSON.stringify(evicted) === JSON.stringify([a.sha]),
        `only the closed pack's document should go; got ${JSON.stringify(evicted)}`,
      );
      check(!(await h.cache.has(a.sha)), 'the expired document should be gone');
      check(await h.cache.has(b.sha), 'the open meeting should keep its document');
    },
  },
  {
    name: 'does not evict a meeting that was opened again',
    async run(h) {
      const a = await doc('reopened');
      await h.cache.put(a.sha, a.bytes, alice('m1'));
      await h.cache.notePack(alice('m1'), true);
      h.advance(CONTRACT_RETENTION_MS / 2);
      await h.cache.notePack(alice('m1'), false);
      h.advance(CONTRACT_RETENTION_MS);
      check((await h.cache.evict()).length === 0, 'a reopened meeting should not expire');
      check(await h.cache.has(a.sha), 'its document should stay');
    },
  },
  {
    name: 'keeps a document that an open pack still needs when a closed pack expires',
    async run(h) {
      const shared = await doc('in both meetings');
      await h.cache.put(shared.sha, shared.bytes, alice('old'));
      await h.cache.put(shared.sha, shared.bytes, alice('new'));
      await h.cache.notePack(alice('old'), true);
      h.advance(CONTRACT_RETENTION_MS + 1);
      check((await h.cache.evict()).length === 0, 'the shared document should not be evicted');
      check(await h.cache.has(shared.sha), 'the shared document should stay');
    },
  },
  {
    name: "wipes one account's packs and keeps what another account still needs",
    async run({ cache }) {
      const mine = await doc("alice's only");
      const shared = await doc('both');
      const theirs = await doc("bob's only");
      await cache.put(mine.sha, mine.bytes, alice('m1'));
      await cache.put(shared.sha, shared.bytes, alice('m1'));
      await cache.put(shared.sha, shared.bytes, bob('m1'));
      await cache.put(theirs.sha, theirs.bytes, bob('m2'));
      await cache.wipeAccount('u-alice');
      check(!(await cache.has(mine.sha)), "alice's own document should be wiped");
      check(await cache.has(shared.sha), 'a document bob still needs should stay');
      check(await cache.has(theirs.sha), "bob's document should stay");
      await cache.wipeAccount('u-bob');
      check((await cache.list()).length === 0, 'nothing should remain after both wipes');
    },
  },
  {
    name: 'wipes everything',
    async run(h) {
      const a = await doc('a');
      const b = await doc('b');
      await h.cache.put(a.sha, a.bytes, alice('m1'));
      await h.cache.put(b.sha, b.bytes, bob('m2'));
      await h.cache.wipe();
      check((await h.cache.list()).length === 0, 'list() should be empty after wipe()');
      check(usageIs(await h.cache.usage(), 0, 0), 'usage() should be zero after wipe()');
      const again = await h.reopen();
      check((await again.list()).length === 0, 'the wipe should hold across a restart');
    },
  },
];

export interface ContractOutcome {
  name: string;
  ok: boolean;
  error?: string;
}

/** Runs every case on a fresh harness; used where no test runner is at hand (a browser page). */
export async function runDocumentCacheContract(make: MakeHarness): Promise<ContractOutcome[]> {
  const outcomes: ContractOutcome[] = [];
  for (const c of DOCUMENT_CACHE_CONTRACT) {
    const harness = await make();
    try {
      await c.run(harness);
      outcomes.push({ name: c.name, ok: true });
    } catch (err) {
      outcomes.push({ name: c.name, ok: false, error: String(err) });
    } finally {
      await harness.dispose?.();
    }
  }
  return outcomes;
}
