/**
 * Encryption of stored documents (AES-256-GCM), so a copied database or backup does not hand out
 * passports and identity cards. Format: version (1 byte) | iv (12) | tag (16) | ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
export const DOCUMENT_KEY_BYTES = 32;

function assertKey(key: Uint8Array): void {
  if (key.length !== DOCUMENT_KEY_BYTES) throw new Error(`Document key must be ${DOCUMENT_KEY_BYTES} bytes, got ${key.length}`);
}

/**
 * The version byte is always authenticated, and so is the blob id when given: a ciphertext copied
 * onto another row fails to decrypt instead of serving one person's document as another's.
 */
function associatedData(associated: string | undefined): Buffer {
  return Buffer.concat([Buffer.from([VERSION]), Buffer.from(associated ?? "", "utf8")]);
}

export function encryptBlob(key: Uint8Array, plaintext: Uint8Array, associated?: string): Uint8Array {
  assertKey(key);
  // A fresh random IV per blob: with GCM, reusing one under the same key breaks confidentiality.
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(associated));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws when the blob was altered, truncated, encrypted under another key or for another id. */
export function decryptBlob(key: Uint8Array, blob: Uint8Array, associated?: string): Uint8Array {
  assertKey(key);
  if (blob.length < HEADER_BYTES) throw new Error("Encrypted blob is truncated");
  if (blob[0] !== VERSION) throw new Error(`Unknown encrypted blob version ${blob[0]}`);
  const iv = blob.subarray(1, 1 + IV_BYTES);
  const tag = blob.subarray(1 + IV_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(associated));
  decipher.setAuthTag(tag);
  try {
    return new Uint8Array(Buffer.concat([decipher.update(blob.subarray(HEADER_BYTES)), decipher.final()]));
  } catch {
    throw new Error("Encrypted blob failed authentication");
  }
}

/** Reads a key from configuration (base64 or base64url of 32 random bytes). */
export function parseDocumentKey(encoded: string): Buffer {
  const key = Buffer.from(encoded.trim(), "base64");
  assertKey(key);
  return key;
}
