import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../db/schema";
import type { AnonymousLimit } from "./utils/anonymous-rate-limit.server";
import type { Env } from "./utils/env.server";

/** What the Express server hands every loader and action (see server/app.ts). */
export type PortalContext = {
  db: Kysely<Database>;
  env: Env;
  logger: Logger;
  requestId: string;
  /** The client's address as Express sees it (after TRUST_PROXY); only ever used hashed, for rate limits. */
  clientAddress: string;
  /**
   * Counts this request against a limit of the anonymous routes, in memory only; true while within
   * it. The address it counts by is never handed to the page.
   */
  withinAnonymousLimit: (limit: AnonymousLimit) => boolean;
  cspNonce: string;
  sessionSecret: string;
  documentKey: Buffer;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalContext {}
}

declare module "@remix-run/node" {
  // Single fetch is on (remix.config.js): loader data keeps Dates, Maps and `data()` headers.
  interface Future {
    v3_singleFetch: true;
  }
}
