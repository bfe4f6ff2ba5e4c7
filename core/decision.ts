// What deciding a command needs and returns; shared by decide.ts and the feature files.
import { appError, type AppError } from './errors.ts';
import type { EventBody } from './events.ts';
import type { Actor } from './model.ts';
import type { VoteTally } from './tally.ts';

export interface DecideContext {
  actor: Actor;
  /** ISO time of the decision. */
  now: string;
  newId: () => string;
  /** The display name of an account, or null when there is no such active account. */
  accountName: (userId: string) => string | null;
  /** The ballots of an open vote (they are not events: the server's ballot box keeps them). */
  tally: (voteId: string) => VoteTally;
}

export type Decision = { ok: true; events: EventBody[] } | { ok: false; error: AppError };

export const ok = (...events: EventBody[]): Decision => ({ ok: true, events });

export const fail = (code: AppError['code'], message: string): Decision => ({
  ok: false,
  error: appError(code, message),
});
