/**
 * Rate limits for the anonymous report routes, which must never write the reporter's address
 * down in any form, hashed included: the counters live in this process's memory only, under an
 * HMAC of the address with a key made at start and never stored, and are forgotten when their
 * window ends. Each instance counts on its own, so a deployment of N instances allows up to N times
 * the limit; that is the price of keeping no trace.
 */
import { createHmac, randomBytes } from "node:crypto";

export type AnonymousLimit = { bucket: string; max: number; windowMs: number };

type Counter = { hits: number; resetAt: number };

/** Bounded, so a flood of addresses cannot grow the map without end; the oldest windows go first. */
const MAX_COUNTERS = 100_000;

export class AnonymousRateLimiter {
  private readonly key = randomBytes(32);
  private readonly counters = new Map<string, Counter>();

  /** True while this address is within the limit; counts this attempt either way. */
  hit(limit: AnonymousLimit, address: string, now = Date.now()): boolean {
    const id = createHmac("sha256", this.key).update(limit.bucket).update("\u0000").update(address).digest("base64url");
    let counter = this.counters.get(id);
    if (!counter || counter.resetAt <= now) {
      this.counters.delete(id);
      if (this.counters.size >= MAX_COUNTERS) this.sweep(now);
      counter = { hits: 0, resetAt: now + limit.windowMs };
      this.counters.set(id, counter);
    }
    counter.hits += 1;
    return counter.hits <= limit.max;
  }

  /** How many addresses are being counted (for tests and metrics; never which). */
  get size(): number {
    return this.counters.size;
  }

  private sweep(now: number): void {
    for (const [id, counter] of this.counters) if (counter.resetAt <= now) this.counters.delete(id);
    // Still full: drop the oldest entries (a Map iterates in insertion order).
    for (const id of this.counters.keys()) {
      if (this.counters.size < MAX_COUNTERS) break;
      this.counters.delete(id);
    }
  }
}
