import type { ClientRateLimitInfo, Options, Store } from "express-rate-limit";
import type { Kysely } from "kysely";
import { clearHits, rateLimitKey, recordHit, undoHit } from "../app/models/rate-limit.server";
import type { Database } from "../db/schema";

/** express-rate-limit's counters in the store, shared by every instance of the app. */
export class KyselyRateLimitStore implements Store {
  private windowMs = 60_000;
  readonly localKeys = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly bucket: string,
    private readonly secret: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private key(clientKey: string) {
    return rateLimitKey(this.bucket, clientKey, this.secret);
  }

  async increment(clientKey: string): Promise<ClientRateLimitInfo> {
    const hit = await recordHit(this.db, this.key(clientKey), this.windowMs);
    return { totalHits: hit.hits, resetTime: hit.resetAt };
  }

  async decrement(clientKey: string): Promise<void> {
    await undoHit(this.db, this.key(clientKey));
  }

  async resetKey(clientKey: string): Promise<void> {
    await clearHits(this.db, this.key(clientKey));
  }
}
