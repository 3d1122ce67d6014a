/** Per-client limits for sensitive lookups, counted in the store so every instance agrees. */
import type { AppLoadContext } from "@remix-run/node";
import { rateLimitKey, recordHit } from "~/models/rate-limit.server";

export type Limit = { bucket: string; max: number; windowMs: number };

export const TRACKING_LOOKUPS: Limit = { bucket: "track", max: 10, windowMs: 15 * 60_000 };

/** True while the client is within the limit; counts this attempt either way. */
export async function withinLimit(context: AppLoadContext, limit: Limit): Promise<boolean> {
  if (!context.env.RATE_LIMITS) return true;
  const hit = await recordHit(context.db, rateLimitKey(limit.bucket, context.clientAddress, context.sessionSecret), limit.windowMs);
  return hit.hits <= limit.max;
}
