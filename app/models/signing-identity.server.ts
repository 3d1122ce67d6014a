/**
 * Where the PDF-signing identity lives. A configured one (CERTIFICATE_P12_BASE64 and
 * CERTIFICATE_P12_PASSWORD, checked at start) wins; otherwise one is generated at first start and
 * kept in the store, encrypted under DOCUMENT_KEY like any document, so every instance signs with
 * the same key and a restore of the store brings it back.
 */
import type { Kysely } from "kysely";
import { generateSigningIdentity, type SigningIdentity } from "~/utils/signing-p12.server";
import { isUniqueViolation } from "../../db/errors";
import type { Database } from "../../db/schema";
import { createStoreDocumentStorage } from "./document-storage.server";

/** The blob's fixed id: random ids never look like this. */
export const SIGNING_IDENTITY_BLOB = "certificate-signing-identity";

export type SigningSettings = { CERTIFICATE_P12_BASE64?: string; CERTIFICATE_P12_PASSWORD?: string };

function decode(bytes: Uint8Array): SigningIdentity {
  const stored = JSON.parse(Buffer.from(bytes).toString("utf8")) as { p12: string; password: string };
  return { p12: Buffer.from(stored.p12, "base64"), password: stored.password };
}

/** The identity to sign with, generating and storing one if the store has none yet. */
export async function loadSigningIdentity(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  settings: SigningSettings = {},
): Promise<SigningIdentity> {
  if (settings.CERTIFICATE_P12_BASE64) {
    return { p12: Buffer.from(settings.CERTIFICATE_P12_BASE64, "base64"), password: settings.CERTIFICATE_P12_PASSWORD ?? "" };
  }
  const storage = createStoreDocumentStorage(db, documentKey);
  const existing = await storage.get(SIGNING_IDENTITY_BLOB);
  if (existing) return decode(existing);
  const generated = generateSigningIdentity();
  const bytes = Buffer.from(JSON.stringify({ p12: generated.p12.toString("base64"), password: generated.password }), "utf8");
  try {
    await storage.put(SIGNING_IDENTITY_BLOB, bytes);
    return generated;
  } catch (error) {
    // Another instance starting at the same moment stored its own first: use that one.
    if (!isUniqueViolation(error)) throw error;
    const winner = await storage.get(SIGNING_IDENTITY_BLOB);
    if (!winner) throw error;
    return decode(winner);
  }
}
