/** Per-client limits for sensitive lookups, counted in the store so every instance agrees. */
import type { AppLoadContext } from "@remix-run/node";
import { rateLimitKey, recordHit } from "~/models/rate-limit.server";

export type Limit = { bucket: string; max: number; windowMs: number };

export const TRACKING_LOOKUPS: Limit = { bucket: "track", max: 10, windowMs: 15 * 60_000 };

/**
 * Certificate checks per client: generous for an office checking a pile of certificates, hopeless
 * for guessing a code (30 tries per 15 minutes against 30¹⁰ codes).
 */
export const CERTIFICATE_VERIFICATIONS: Limit = { bucket: "verify", max: 30, windowMs: 15 * 60_000 };
/** The verification page's photo takes the same number and code, so it is limited too (not counted as a check). */
export const CERTIFICATE_PHOTOS: Limit = { bucket: "verify_photo", max: 60, windowMs: 15 * 60_000 };
/** Date-of-birth confirmations behind a reminder's "apply again" link. */
export const REAPPLY_CONFIRMATIONS: Limit = { bucket: "reapply", max: 10, windowMs: 15 * 60_000 };

/** True while the client is within the limit; counts this attempt either way. */
export async function withinLimit(context: AppLoadContext, limit: Limit): Promise<boolean> {
  if (!context.env.RATE_LIMITS) return true;
  const hit = await recordHit(context.db, rateLimitKey(limit.bucket, context.clientAddress, context.sessionSecret), limit.windowMs);
  return hit.hits <= limit.max;
}
