// What this device keeps about its ballots: the random token per (vote, principal) that lets a
// secret ballot be changed or retried, and the choice made (the server never tells it back).
export interface StoredBallot {
  token: string;
  choices: string[] | null;
}

/** 16 random bytes in base64url: 22 characters of [A-Za-z0-9_-]. */
export function newBallotToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

const memory = new Map<string, string>();

function storage(): Pick<Storage, 'getItem' | 'setItem'> {
  try {
    const s = window.localStorage;
    s.getItem('ecab.probe');
    return s;
  } catch {
    // storage disabled: kept for this tab only
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
}

const key = (meetingId: string, voteId: string, principal: string): string =>
  `ecab.ballot.${meetingId}.${voteId}.${principal}`;

function read(k: string): StoredBallot | null {
  try {
    const value: unknown = JSON.parse(storage().getItem(k) ?? 'null');
    if (typeof value !== 'object' || value === null || !('token' in value)) return null;
    const { token, choices } = value as { token: unknown; choices?: unknown };
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{22,64}$/.test(token)) return null;
    const list = Array.isArray(choices) ? choices.filter((c) => typeof c === 'string') : null;
    return { token, choices: list };
  } catch {
    return null;
  }
}

/** The token for this (vote, principal): made once, then always the same on this device. */
export function ballotToken(meetingId: string, voteId: string, principal: string): string {
  const k = key(meetingId, voteId, principal);
  const stored = read(k);
  if (stored) return stored.token;
  const token = newBallotToken();
  storage().setItem(k, JSON.stringify({ token, choices: null }));
  return token;
}

/** Remember the choice once the server acknowledged the ballot. */
export function rememberChoices(
  meetingId: string,
  voteId: string,
  principal: string,
  choices: string[],
): void {
  const k = key(meetingId, voteId, principal);
  const token = read(k)?.token ?? ballotToken(meetingId, voteId, principal);
  storage().setItem(k, JSON.stringify({ token, choices }));
}

export function rememberedChoices(
  meetingId: string,
  voteId: string,
  principal: string,
): string[] | null {
  return read(key(meetingId, voteId, principal))?.choices ?? null;
}
