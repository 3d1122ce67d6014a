/**
 * State for a journey that must leave no trace in the browser (the smuggling report sets and reads
 * no cookie): the answers so far travel in a hidden form field, encrypted and authenticated, and
 * expire. Nothing is kept on the server until the person submits, and a copied page source or a
 * form field changed by hand is useless once it has expired or been altered.
 *
 * The key is derived from the session secret for one purpose, so a sealed value of one journey
 * cannot be replayed into another, and every instance that shares the secret can open it.
 */
import { hkdfSync } from "node:crypto";
import * as z from "zod/mini";
import { decryptBlob, encryptBlob } from "./document-crypto.server";

export type SealOptions = {
  secret: string;
  /** Names the journey; part of the key and of the authenticated data. */
  purpose: string;
  ttlMs: number;
  now?: number;
};

type Envelope = { expiresAt: number; value: unknown };

const keys = new Map<string, Buffer>();

function keyFor(secret: string, purpose: string): Buffer {
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "pscg-sealed-state", purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

export function sealState(value: unknown, { secret, purpose, ttlMs, now = Date.now() }: SealOptions): string {
  const envelope: Envelope = { expiresAt: now + ttlMs, value };
  const plaintext = Buffer.from(JSON.stringify(envelope), "utf8");
  return Buffer.from(encryptBlob(keyFor(secret, purpose), plaintext, purpose)).toString("base64url");
}

/**
 * The value sealed earlier, or null when the token is missing, altered, sealed for another purpose
 * or under another secret, or expired. The caller parses the value with its schema: a value sealed
 * by an older release may no longer fit.
 */
export function unsealState(token: string | null | undefined, { secret, purpose, now = Date.now() }: Omit<SealOptions, "ttlMs">): unknown {
  if (!token || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  let envelope: Envelope;
  try {
    const plaintext = decryptBlob(keyFor(secret, purpose), Buffer.from(token, "base64url"), purpose);
    envelope = JSON.parse(Buffer.from(plaintext).toString("utf8")) as Envelope;
  } catch {
    return null;
  }
  if (typeof envelope?.expiresAt !== "number" || envelope.expiresAt <= now) return null;
  return envelope.value ?? null;
}

/**
 * One kind of sealed form value: its purpose, how long it lasts and its shape. `open` parses what it
 * unsealed with the schema, so a value sealed by an older release that no longer fits opens as null,
 * like a missing, altered or expired one.
 */
export function sealedKind<T>(kind: { purpose: string; ttlMs: number; schema: z.ZodMiniType<T> }) {
  return {
    seal: (secret: string, value: T): string => sealState(value, { secret, purpose: kind.purpose, ttlMs: kind.ttlMs }),
    open: (secret: string, token: FormDataEntryValue | null): T | null => {
      const value = unsealState(typeof token === "string" ? token : null, { secret, purpose: kind.purpose });
      const parsed = z.safeParse(kind.schema, value);
      return parsed.success ? parsed.data : null;
    },
  };
}
