// The session token, encrypted with Electron's safeStorage (the OS key store: Keychain, DPAPI,
// libsecret/kwallet). Where there is no real key store, the token is kept in memory only and the
// renderer is told, so it can say "you will need to log in each time".
import { rm } from 'node:fs/promises';
import { readJson, writeJson } from './json-file.ts';

/** The parts of Electron's safeStorage used here (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  encryptStringAsync?(plain: string): Promise<Buffer>;
  decryptStringAsync?(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

export interface StoredSession {
  token: string;
  account: string;
}

export interface TokenStore {
  /** Whether a real key store protects the token on disk. */
  secure(): Promise<boolean>;
  /** The session saved by an earlier run (decrypted), if any; also remembers it in memory. */
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
  /** Forgets the token but remembers whose session it was (whose packs are on the device). */
  forget(): Promise<void>;
  /** The session in memory (this run). */
  current(): StoredSession | null;
  /** The account of the last session, even when its token was not kept. */
  lastAccount(): Promise<string | null>;
}

interface SessionFile {
  version: 1;
  account: string;
  /** base64 of the safeStorage ciphertext, or null when there was no key store. */
  token: string | null;
}

function parseFile(raw: unknown): SessionFile | null {
  if (!raw || typeof raw !== 'object') return null;
  const f = raw as Partial<SessionFile>;
  if (f.version !== 1 || typeof f.account !== 'string' || !f.account) return null;
  if (f.token !== null && typeof f.token !== 'string') return null;
  return { version: 1, account: f.account, token: f.token ?? null };
}

export function createTokenStore(opts: {
  safeStorage: SafeStorageLike;
  file: string;
  platform: NodeJS.Platform;
  log?: (msg: string) => void;
}): TokenStore {
  const { safeStorage, file } = opts;
  const log = opts.log ?? (() => undefined);
  let memory: StoredSession | null = null;

  const secure = async (): Promise<boolean> => {
    const available = safeStorage.isAsyncEncryptionAvailable
      ? await safeStorage.isAsyncEncryptionAvailable()
      : safeStorage.isEncryptionAvailable();
    if (!available) return false;
    // on Linux without a keyring Chromium "encrypts" with a hard-coded key: not a secret store
    if (opts.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text')
      return false;
    return true;
  };
  const encrypt = async (plain: string): Promise<Buffer> =>
    safeStorage.encryptStringAsync
      ? safeStorage.encryptStringAsync(plain)
      : safeStorage.encryptString(plain);
  const decrypt = async (cipher: Buffer): Promise<{ result: string; reEncrypt: boolean }> => {
    if (!safeStorage.decryptStringAsync)
      return { result: safeStorage.decryptString(cipher), reEncrypt: false };
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(cipher);
    return { result, reEncrypt: shouldReEncrypt };
  };
  const write = async (session: StoredSession, keep: boolean): Promise<void> => {
    const token = keep ? (await encrypt(session.token)).toString('base64') : null;
    await writeJson(file, { version: 1, account: session.account, token } satisfies SessionFile);
  };

  return {
    secure,
    async load() {
      const stored = parseFile(await readJson(file));
      if (!stored?.token || !(await secure())) return memory;
      try {
        const { result, reEncrypt } = await decrypt(Buffer.from(stored.token, 'base64'));
        memory = { token: result, account: stored.account };
        if (reEncrypt) await write(memory, true); // the key was rotated: store it under the new one
      } catch (err) {
        // another user's key, a reset keyring, a damaged file: the token is lost, log in again
        log(`the saved session could not be decrypted: ${String(err)}`);
        await write({ token: '', account: stored.account }, false);
      }
      return memory;
    },
    async save(session) {
      memory = session;
      await write(session, await secure());
    },
    async clear() {
      memory = null;
      await rm(file, { force: true });
    },
    async forget() {
      const account = memory?.account ?? parseFile(await readJson(file))?.account ?? null;
      memory = null;
      if (account) await write({ token: '', account }, false);
      else await rm(file, { force: true });
    },
    current: () => memory,
    async lastAccount() {
      return memory?.account ?? parseFile(await readJson(file))?.account ?? null;
    },
  };
}
