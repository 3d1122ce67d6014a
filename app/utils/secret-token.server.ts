import { createHash, randomBytes } from "node:crypto";

/** A random secret for a link (128 bits or more), and the hash under which it is stored. */
export function newSecretToken(bytes = 24): { token: string; tokenHash: string } {
  const token = randomBytes(bytes).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
