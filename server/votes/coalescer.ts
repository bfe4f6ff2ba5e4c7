// Coalesces bursts into at most one call per interval: the first change after a quiet spell goes
// out at once (next tick), later ones wait for the interval and go out together.
export class Coalescer {
  readonly #intervalMs: number;
  readonly #send: () => void;
  #last = -Infinity;
  #timer: NodeJS.Timeout | null = null;

  constructor(intervalMs: number, send: () => void) {
    this.#intervalMs = intervalMs;
    this.#send = send;
  }

  touch(): void {
    if (this.#timer) return;
    const wait = Math.max(0, this.#last + this.#intervalMs - performance.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#last = performance.now();
      this.#send();
    }, wait);
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
