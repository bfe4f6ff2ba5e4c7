// Password hashing with scrypt, a memory-hard KDF built into Node (no native add-on to build).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N=2^15, r=8: 32 MiB and ~50-100 ms per hash, OWASP's recommended minimum for scrypt. */
export const DEFAULT_COST = 15;

function scryptAsync(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

function options(logN: number): ScryptOptions {
  const N = 2 ** logN;
  return { N, r: 8, p: 1, maxmem: 256 * N * 8 };
}

/** Returns `scrypt$logN$salt$hash` (base64url). */
export async function hashPassword(password: string, logN = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, options(logN));
  return `scrypt$${logN}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, logN, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !logN || !salt || !hash) return false;
  const n = Number(logN);
  if (!Number.isInteger(n) || n < 10 || n > 20) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), options(n));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A readable one-time password: 4 groups of 4 characters without look-alikes (0/O, 1/l). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i && i % 4 === 0) out += '-';
    out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  }
  return out;
}
