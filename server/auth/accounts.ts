// Accounts and sessions: login, tokens, logout, expiry, rate limiting of attempts.
import { createHash, randomBytes } from 'node:crypto';
import {
  appError,
  type Actor,
  type AppError,
  type GlobalRole,
  type SessionEndReason,
} from '../../core/index.ts';
import type { Clock } from '../meetings/service.ts';
import { newId } from '../meetings/service.ts';
import type { Account, AccountsData, Session, Store } from '../store/types.ts';
import { DEFAULT_COST, generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { FailureLimiter } from './rate-limit.ts';

export interface PublicAccount {
  id: string;
  username: string;
  displayName: string;
  globalRole: GlobalRole;
  active: boolean;
  mustChangePassword: boolean;
}

export interface AccountOptions {
  sessionHours: number;
  /** log2 of scrypt's N; lower only in tests and benchmarks. */
  passwordCost?: number;
}

export type LoginResult =
  | { ok: true; token: string; expiresAt: string; user: PublicAccount }
  | { ok: false; error: AppError; retryAfterMs?: number };

/** Refused to an account on a one-time password, over HTTP and at the socket handshake alike. */
export const PASSWORD_CHANGE_REQUIRED: AppError = appError(
  'PASSWORD_CHANGE_REQUIRED',
  'Choose a new password before continuing.',
);

/** How many ended sessions the server remembers the reason of (a few MB at most). */
const ENDED_KEPT = 20_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
export const normaliseUsername = (u: string) => u.normalize('NFC').trim().toLowerCase();

export function publicAccount(a: Account): PublicAccount {
  const { id, username, displayName, globalRole, active, mustChangePassword } = a;
  return { id, username, displayName, globalRole, active, mustChangePassword };
}

export class AccountService {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #opts: AccountOptions;
  #data: AccountsData = { accounts: [], sessions: [] };
  readonly #byId = new Map<string, Account>();
  readonly #sessions = new Map<string, Session>();
  // per account+address, and per address alone (password spraying across accounts)
  readonly #perUser = new FailureLimiter({ max: 5, windowMs: 15 * 60_000 });
  readonly #perAddress = new FailureLimiter({ max: 50, windowMs: 15 * 60_000 });
  #writes: Promise<void> = Promise.resolve();
  #nextWrite: Promise<void> | null = null;
  readonly #byUsername = new Map<string, Account>();
  #dummyHash = '';
  readonly onSessionEnded = new Set<
    (userId: string, tokenHash: string | null, reason: SessionEndReason) => void
  >();
  // why recently ended sessions ended, so that a device coming back with the token can be told
  // (memory only, the newest ENDED_KEPT: after a restart a refusal may carry no reason)
  readonly #ended = new Map<string, SessionEndReason>();

  constructor(store: Store, clock: Clock, opts: AccountOptions) {
    this.#store = store;
    this.#clock = clock;
    this.#opts = opts;
  }

  async load(): Promise<void> {
    this.#data = await this.#store.readAccounts();
    this.#index();
    this.#dummyHash = await hashPassword(generatePassword(), this.#cost());
  }

  get count(): number {
    return this.#data.accounts.length;
  }

  list(): PublicAccount[] {
    return this.#data.accounts.map(publicAccount);
  }

  get(userId: string): Account | undefined {
    return this.#byId.get(userId);
  }

  byUsername(username: string): Account | undefined {
    return this.#byUsername.get(normaliseUsername(username));
  }

  displayName(userId: string): string | null {
    const a = this.#byId.get(userId);
    return a && a.active ? a.displayName : null;
  }

  async create(input: {
    username: string;
    displayName: string;
    globalRole: GlobalRole;
    password?: string;
    mustChangePassword?: boolean;
  }): Promise<{ account: PublicAccount; password: string } | { error: AppError }> {
    const username = normaliseUsername(input.username);
    if (this.byUsername(username))
      return { error: appError('CONFLICT', `The username "${username}" is taken.`) };
    const password = input.password ?? generatePassword();
    const account: Account = {
      id: newId(),
      username,
      displayName: input.displayName.normalize('NFC').trim(),
      globalRole: input.globalRole,
      active: true,
      passwordHash: await hashPassword(password, this.#cost()),
      mustChangePassword: input.mustChangePassword ?? input.password === undefined,
      createdAt: this.#clock.now().toISOString(),
    };
    this.#data.accounts.push(account);
    this.#index();
    await this.#save();
    return { account: publicAccount(account), password };
  }

  async login(username: string, password: string, address: string): Promise<LoginResult> {
    const now = this.#clock.now().getTime();
    const userKey = `${normaliseUsername(username)}|${address}`;
    const wait = Math.max(
      this.#perUser.retryAfter(userKey, now),
      this.#perAddress.retryAfter(address, now),
    );
    if (wait > 0) {
      const s = Math.ceil(wait / 1000);
      return {
        ok: false,
        error: appError('RATE_LIMITED', `Too many failed attempts. Try again in ${s} seconds.`),
        retryAfterMs: wait,
      };
    }
    const account = this.byUsername(username);
    // hash even for an unknown name, so timing does not tell which usernames exist
    const good = await verifyPassword(password, account?.passwordHash ?? this.#dummyHash);
    if (!account || !good || !account.active) {
      this.#perUser.fail(userKey, now);
      this.#perAddress.fail(address, now);
      return { ok: false, error: appError('UNAUTHENTICATED', 'Wrong username or password.') };
    }
    this.#perUser.reset(userKey);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + this.#opts.sessionHours * 3_600_000).toISOString();
    const session: Session = {
      tokenHash: hashToken(token),
      userId: account.id,
      createdAt: new Date(now).toISOString(),
      expiresAt,
    };
    this.#data.sessions.push(session);
    this.#sessions.set(session.tokenHash, session);
    // expired sessions are dropped now and then, not on every login
    if (this.#data.sessions.length % 256 === 0) {
      const expired = this.#data.sessions.filter((s) => Date.parse(s.expiresAt) <= now);
      this.#remember(
        expired.map((s) => s.tokenHash),
        'expired',
      );
      this.#data.sessions = this.#data.sessions.filter((s) => Date.parse(s.expiresAt) > now);
      this.#index();
    }
    await this.#save();
    return { ok: true, token, expiresAt, user: publicAccount(account) };
  }

  /** The actor behind a token, or null when it is unknown, expired or its account disabled. */
  authenticate(
    token: string | undefined | null,
  ): (Actor & { account: Account; tokenHash: string }) | null {
    if (!token || token.length > 200) return null;
    const tokenHash = hashToken(token);
    const session = this.#sessions.get(tokenHash);
    if (!session || Date.parse(session.expiresAt) <= this.#clock.now().getTime()) return null;
    const account = this.#byId.get(session.userId);
    if (!account || !account.active) return null;
    return { userId: account.id, globalRole: account.globalRole, account, tokenHash };
  }

  /**
   * Why a token is refused, when the server can tell: its session expired, or it was ended (and
   * remembered since the server started). Null for a token never seen, or ended long ago.
   */
  refusalReason(token: string | undefined | null): SessionEndReason | null {
    if (!token || token.length > 200) return null;
    const tokenHash = hashToken(token);
    const ended = this.#ended.get(tokenHash);
    if (ended) return ended;
    const session = this.#sessions.get(tokenHash);
    if (!session) return null;
    const account = this.#byId.get(session.userId);
    if (account && !account.active) return 'deactivated';
    return Date.parse(session.expiresAt) <= this.#clock.now().getTime() ? 'expired' : null;
  }

  #remember(tokenHashes: readonly string[], reason: SessionEndReason): void {
    for (const h of tokenHashes) {
      this.#ended.delete(h);
      this.#ended.set(h, reason);
    }
    for (const oldest of this.#ended.keys()) {
      if (this.#ended.size <= ENDED_KEPT) break;
      this.#ended.delete(oldest);
    }
  }

  sessionExpiry(tokenHash: string): number | null {
    const s = this.#sessions.get(tokenHash);
    return s ? Date.parse(s.expiresAt) : null;
  }

  async logout(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    const session = this.#sessions.get(tokenHash);
    if (!session) return;
    this.#data.sessions = this.#data.sessions.filter((s) => s.tokenHash !== tokenHash);
    this.#index();
    await this.#save();
    this.#remember([tokenHash], 'loggedOut');
    this.onSessionEnded.forEach((f) => f(session.userId, tokenHash, 'loggedOut'));
  }

  /** Changes a password and ends the account's other sessions (a leaked password stops working). */
  async changePassword(
    userId: string,
    oldPassword: string,
    newPassword: string,
    keepTokenHash: string,
  ): Promise<AppError | null> {
    const account = this.#byId.get(userId);
    if (!account) return appError('NOT_FOUND', 'There is no such account.');
    // a stolen session must not become a way to guess the password without limit
    const now = this.#clock.now().getTime();
    const key = `password-change|${userId}`;
    const wait = this.#perUser.retryAfter(key, now);
    if (wait > 0) {
      const s = Math.ceil(wait / 1000);
      return appError('RATE_LIMITED', `Too many wrong passwords. Try again in ${s} seconds.`);
    }
    if (!(await verifyPassword(oldPassword, account.passwordHash))) {
      this.#perUser.fail(key, now);
      return appError('FORBIDDEN', 'The current password is wrong.');
    }
    this.#perUser.reset(key);
    account.passwordHash = await hashPassword(newPassword, this.#cost());
    account.mustChangePassword = false;
    const ended = this.#data.sessions.filter(
      (s) => s.userId === userId && s.tokenHash !== keepTokenHash,
    );
    this.#data.sessions = this.#data.sessions.filter((s) => !ended.includes(s));
    this.#index();
    await this.#save();
    this.#remember(
      ended.map((s) => s.tokenHash),
      'revoked',
    );
    for (const s of ended) this.onSessionEnded.forEach((f) => f(userId, s.tokenHash, 'revoked'));
    return null;
  }

  /** Disabling an account ends all its sessions at once. */
  async setActive(userId: string, active: boolean): Promise<AppError | null> {
    const account = this.#byId.get(userId);
    if (!account) return appError('NOT_FOUND', 'There is no such account.');
    account.active = active;
    const ended = active ? [] : this.#data.sessions.filter((s) => s.userId === userId);
    if (!active) this.#data.sessions = this.#data.sessions.filter((s) => s.userId !== userId);
    this.#index();
    await this.#save();
    this.#remember(
      ended.map((s) => s.tokenHash),
      'deactivated',
    );
    if (!active) this.onSessionEnded.forEach((f) => f(userId, null, 'deactivated'));
    return null;
  }

  #cost(): number {
    return this.#opts.passwordCost ?? DEFAULT_COST;
  }

  #index(): void {
    this.#byId.clear();
    this.#byUsername.clear();
    for (const a of this.#data.accounts) {
      this.#byId.set(a.id, a);
      this.#byUsername.set(a.username, a);
    }
    this.#sessions.clear();
    for (const s of this.#data.sessions) this.#sessions.set(s.tokenHash, s);
  }

  /**
   * Group commit for the accounts file: one write in flight, and at most one waiting, which
   * carries every change made meanwhile (a burst of logins at 8:55 costs a few writes, not one each).
   */
  #save(): Promise<void> {
    if (!this.#nextWrite) {
      this.#nextWrite = this.#writes.then(() => {
        this.#nextWrite = null;
        const write = this.#store.writeAccounts(this.#data);
        this.#writes = write.catch(() => undefined);
        return write;
      });
    }
    return this.#nextWrite;
  }

  /** Resolves once every change so far is on disk. */
  async flush(): Promise<void> {
    await (this.#nextWrite ?? this.#writes).catch(() => undefined);
  }
}
