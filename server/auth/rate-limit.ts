// Login attempts: a failure counter per key in a sliding window. In memory: a restart forgets
// counters, which only ever helps a legitimate user who locked themselves out.
export interface RateLimitRule {
  max: number;
  windowMs: number;
}

export class FailureLimiter {
  readonly #rule: RateLimitRule;
  readonly #failures = new Map<string, number[]>();

  constructor(rule: RateLimitRule) {
    this.#rule = rule;
  }

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(key: string, now: number): number {
    const times = this.#recent(key, now);
    if (times.length < this.#rule.max) return 0;
    return (times[0] ?? now) + this.#rule.windowMs - now;
  }

  fail(key: string, now: number): void {
    const times = this.#recent(key, now);
    times.push(now);
    this.#failures.set(key, times);
    if (this.#failures.size > 100_000) this.#prune(now);
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#failures.get(key) ?? []).filter((t) => t > now - this.#rule.windowMs);
  }

  #prune(now: number): void {
    for (const [key, times] of this.#failures) {
      if (!times.some((t) => t > now - this.#rule.windowMs)) this.#failures.delete(key);
    }
  }
}
