// One open vote's ballots in memory, with counts kept as ballots come and go, and the group
// commit that puts them on disk: one write (and fsync) per batch, however many ballots it holds.
// A secret box keeps who has voted (the roll) and key -> choices apart: nothing here maps a
// voter to a choice, except a batch's undo steps until that batch is on disk.
import {
  appError,
  type AppError,
  type NamedBallot,
  type VoteKind,
  type VoteTally,
} from '../../core/index.ts';
import type { AuditEntry, BallotBatch, StoredBallots } from '../store/types.ts';
import { insertSorted, removeSorted, self } from './sorted.ts';

export type PutResult = { ok: true; changed: boolean } | { ok: false; error: AppError };

interface Pending {
  named: NamedBallot[];
  changed: boolean;
  undo: (() => void)[];
  audit: AuditEntry[];
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

const emptyPending = (): Pending => ({
  named: [],
  changed: false,
  undo: [],
  audit: [],
  waiters: [],
});

interface SecretBallot {
  key: string;
  choices: string[];
}

const byKey = (b: SecretBallot) => b.key;

/** A large secret box is rewritten whole per batch: gather longer so that batches are fewer. */
const gatherMs = (size: number) => Math.min(4, Math.floor(size / 500));

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

export class BallotBox {
  readonly voteId: string;
  readonly kind: VoteKind;
  readonly counts: Record<string, number> = {};
  /** Principals who have voted. */
  readonly roll = new Set<string>();
  /** Named votes: principal -> their ballot. */
  readonly #named = new Map<string, NamedBallot>();
  /** Secret votes: ballot key -> ballot, and the same ballots sorted by key, as written. */
  readonly #secret = new Map<string, SecretBallot>();
  readonly #byKey: SecretBallot[] = [];
  /** The roll sorted by id, as written. */
  readonly #rollSorted: string[] = [];
  readonly #write: (batch: BallotBatch) => Promise<void>;
  readonly #onDurable: () => void;
  #pending = emptyPending();
  #flushing: Promise<void> | null = null;

  constructor(
    voteId: string,
    kind: VoteKind,
    optionIds: string[],
    io: { write: (batch: BallotBatch) => Promise<void>; onDurable: () => void },
    stored?: StoredBallots,
  ) {
    this.voteId = voteId;
    this.kind = kind;
    for (const id of optionIds) this.counts[id] = 0;
    this.#write = io.write;
    this.#onDurable = io.onDurable;
    if (stored?.kind === 'named') {
      for (const b of stored.ballots) this.#apply(b.voterId, b.voterId, b.choices, b.castBy);
    } else if (stored?.kind === 'secret') {
      for (const p of stored.box.roll) this.#addToRoll(p);
      for (const b of stored.box.ballots) this.#apply('', b.key, b.choices, '');
    }
  }

  /** Named votes: the choices of a principal's ballot. */
  choicesOf(principal: string): string[] | undefined {
    return this.#named.get(principal)?.choices;
  }

  /**
   * Records a ballot in memory (the caller then waits for `flushed()`). A secret ballot is found
   * again by its key, so the same token replaces it; a named one by its principal.
   */
  put(
    principal: string,
    key: string,
    castBy: string,
    choices: string[],
    allowChange: boolean,
    audit: AuditEntry | null,
  ): PutResult {
    const before =
      this.kind === 'named' ? this.#named.get(principal)?.choices : this.#secret.get(key)?.choices;
    if (before && same(before, choices)) return { ok: true, changed: false };
    if (before && !allowChange)
      return refuse('Your ballot is already recorded; this vote does not allow changing it.');
    if (!before && this.kind === 'secret' && this.roll.has(principal))
      return refuse(
        'This ballot was already cast from another device; a secret ballot can only be changed ' +
          'from the device that cast it.',
      );
    const undo = this.#apply(principal, key, choices, castBy);
    const p = this.#pending;
    p.changed = true;
    p.undo.push(undo);
    if (audit) p.audit.push(audit);
    if (this.kind === 'named') p.named.push({ voterId: principal, castBy, choices });
    return { ok: true, changed: true };
  }

  /** Resolves once every ballot accepted so far is on disk (rejects if that write failed). */
  flushed(): Promise<void> {
    const done = new Promise<void>((resolve, reject) =>
      this.#pending.waiters.push({ resolve, reject }),
    );
    if (!this.#flushing) this.#flushing = this.#flushLoop();
    return done;
  }

  tally(): VoteTally {
    return {
      counts: { ...this.counts },
      roll: [...this.roll],
      ...(this.kind === 'named' ? { ballots: [...this.#named.values()] } : {}),
    };
  }

  /** Sets a ballot and adjusts the counts; returns the step that takes it back. */
  #apply(principal: string, key: string, choices: string[], castBy: string): () => void {
    const named = this.kind === 'named';
    const prev = named ? this.#named.get(principal) : undefined;
    const prevChoices = named ? prev?.choices : this.#secret.get(key)?.choices;
    const newInRoll = principal !== '' && !this.roll.has(principal);
    const count = (list: readonly string[] | undefined, by: number) => {
      for (const c of list ?? []) this.counts[c] = (this.counts[c] ?? 0) + by;
    };
    count(prevChoices, -1);
    count(choices, 1);
    if (named) this.#named.set(principal, { voterId: principal, castBy, choices });
    else this.#setSecret(key, choices);
    if (newInRoll) this.#addToRoll(principal);
    return () => {
      count(choices, -1);
      count(prevChoices, 1);
      if (named) {
        if (prev) this.#named.set(principal, prev);
        else this.#named.delete(principal);
      } else this.#setSecret(key, prevChoices);
      if (newInRoll) {
        this.roll.delete(principal);
        removeSorted(this.#rollSorted, principal, self);
      }
    };
  }

  #addToRoll(principal: string): void {
    this.roll.add(principal);
    insertSorted(this.#rollSorted, principal, self);
  }

  /** Sets (or with undefined removes) a secret ballot, keeping the key order. */
  #setSecret(key: string, choices: string[] | undefined): void {
    const ballot = this.#secret.get(key);
    if (ballot && choices) ballot.choices = choices;
    else if (choices) {
      const added = { key, choices };
      this.#secret.set(key, added);
      insertSorted(this.#byKey, added, byKey);
    } else if (ballot) {
      this.#secret.delete(key);
      removeSorted(this.#byKey, key, byKey);
    }
  }

  #batch(p: Pending): BallotBatch | null {
    if (!p.changed && p.audit.length === 0) return null;
    if (this.kind === 'named')
      return { voteId: this.voteId, kind: 'named', ballots: p.named, audit: p.audit };
    // sorted by key (a hash with the client's secret token) and by id: two unrelated orders
    const box = { roll: this.#rollSorted, ballots: this.#byKey };
    return { voteId: this.voteId, kind: 'secret', box, audit: p.audit };
  }

  async #flushLoop(): Promise<void> {
    // let the ballots that arrive in the same tick join this batch
    await new Promise((r) => setImmediate(r));
    while (this.#pending.waiters.length) {
      const wait = this.kind === 'secret' ? gatherMs(this.#secret.size) : 0;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const batch = this.#pending;
      this.#pending = emptyPending();
      const write = this.#batch(batch);
      try {
        if (write) await this.#write(write);
      } catch (err) {
        // forget everything not on disk, newest first, and fail whoever waits for it
        const later = this.#pending;
        this.#pending = emptyPending();
        for (const step of [...batch.undo, ...later.undo].reverse()) step();
        for (const w of [...batch.waiters, ...later.waiters]) w.reject(err);
        continue;
      }
      batch.waiters.forEach((w) => w.resolve());
      if (write) this.#onDurable();
    }
    this.#flushing = null;
  }
}

function refuse(message: string): PutResult {
  return { ok: false, error: appError('CONFLICT', message) };
}
