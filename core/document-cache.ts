// The meeting documents kept on a device, by SHA-256, grouped in packs (one per account and
// meeting). The interface and the pack bookkeeping are shared by the browser implementation
// (renderer/cache) and the disk one (electron/main), so both behave alike; no DOM, no Node.
import { z } from 'zod';

/** Whose pack a document belongs to: the account that downloaded it, for which meeting. */
export interface PackRef {
  account: string;
  meetingId: string;
}

export interface CacheUsage {
  files: number;
  bytes: number;
}

export interface DocumentCache {
  /** The bytes, checked against their SHA-256 on every read; a corrupt copy is dropped (null). */
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
  /** Stores the bytes in `pack`; rejects when they do not hash to `sha256`. */
  put(sha256: string, bytes: Uint8Array, pack: PackRef): Promise<void>;
  /** Adds a stored document to `pack` too; false when it is not stored (download it then). */
  claim(sha256: string, pack: PackRef): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  list(): Promise<string[]>;
  usage(): Promise<CacheUsage>;
  /** Records whether the pack's meeting is closed; a closed pack expires after the retention. */
  notePack(pack: PackRef, closed: boolean): Promise<void>;
  /** Drops packs closed longer than the retention and documents no pack needs; returns them. */
  evict(): Promise<string[]>;
  /** Remote wipe: this account's packs, and the documents only they needed. */
  wipeAccount(account: string): Promise<void>;
  wipe(): Promise<void>;
}

export const SHA256_PATTERN = /^[a-f0-9]{64}$/;

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_PATTERN.test(value);
}

/** Refuses anything but a lowercase hex SHA-256: it becomes a file name. */
export function assertSha256(value: unknown): asserts value is string {
  if (!isSha256(value)) throw new Error(`Not a SHA-256: ${JSON.stringify(value).slice(0, 80)}`);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class HashMismatchError extends Error {
  constructor(expected: string, actual: string) {
    super(`The bytes hash to ${actual}, not ${expected}.`);
    this.name = 'HashMismatchError';
  }
}

// --- pack bookkeeping (pure) ---

export interface PackEntry extends PackRef {
  /** When this device first saw the meeting closed (ms since the epoch), else null. */
  closedAt: number | null;
  shas: string[];
}

export interface PackIndex {
  version: 1;
  packs: PackEntry[];
}

const PackIndexSchema = z.object({
  version: z.literal(1),
  packs: z.array(
    z.object({
      account: z.string().min(1).max(300),
      meetingId: z.string().min(1).max(300),
      closedAt: z.number().nullable(),
      shas: z.array(z.string().regex(SHA256_PATTERN)),
    }),
  ),
});

export function emptyIndex(): PackIndex {
  return { version: 1, packs: [] };
}

/** A stored index, or an empty one when it is missing or damaged (the documents stay orphans). */
export function parseIndex(value: unknown): PackIndex {
  const parsed = PackIndexSchema.safeParse(value);
  return parsed.success ? parsed.data : emptyIndex();
}

const same = (a: PackRef, b: PackRef): boolean =>
  a.account === b.account && a.meetingId === b.meetingId;

function upsert(index: PackIndex, pack: PackRef, change: (p: PackEntry) => PackEntry): PackIndex {
  const found = index.packs.find((p) => same(p, pack));
  const entry = found ?? {
    account: pack.account,
    meetingId: pack.meetingId,
    closedAt: null,
    shas: [],
  };
  return {
    version: 1,
    packs: [...index.packs.filter((p) => p !== found), change(entry)],
  };
}

export function addToPack(index: PackIndex, pack: PackRef, sha256: string): PackIndex {
  return upsert(index, pack, (p) =>
    p.shas.includes(sha256) ? p : { ...p, shas: [...p.shas, sha256] },
  );
}

export function markPack(index: PackIndex, pack: PackRef, closed: boolean, now: number): PackIndex {
  // the retention counts from the first time this device saw the meeting closed
  return upsert(index, pack, (p) => ({ ...p, closedAt: closed ? (p.closedAt ?? now) : null }));
}

export function withoutSha(index: PackIndex, sha256: string): PackIndex {
  return {
    version: 1,
    packs: index.packs.map((p) => ({ ...p, shas: p.shas.filter((s) => s !== sha256) })),
  };
}

export function withoutExpired(index: PackIndex, now: number, retentionMs: number): PackIndex {
  return {
    version: 1,
    packs: index.packs.filter((p) => p.closedAt === null || now - p.closedAt < retentionMs),
  };
}

export function withoutAccount(index: PackIndex, account: string): PackIndex {
  return { version: 1, packs: index.packs.filter((p) => p.account !== account) };
}

export function referenced(index: PackIndex): Set<string> {
  return new Set(index.packs.flatMap((p) => p.shas));
}

export const DAY_MS = 24 * 60 * 60 * 1000;
