// The speaking timer: seconds left of a speech, from the server's start time and the limit.

/** Seconds left (negative once over the limit), at `nowMs` on the server's clock. */
export function remainingSeconds(startedAt: string, limitSec: number, nowMs: number): number {
  const started = Date.parse(startedAt);
  if (Number.isNaN(started)) return limitSec;
  const elapsed = Math.max(0, nowMs - started) / 1000;
  return limitSec - elapsed;
}

/** Whole seconds to show: counting down, rounded up so that "0:00" means the time is up. */
export function shownSeconds(remaining: number): number {
  return remaining >= 0 ? Math.ceil(remaining) : -Math.floor(-remaining);
}
