import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptBlob, encryptBlob, parseDocumentKey } from "./document-crypto.server";

const key = randomBytes(32);
const plaintext = new TextEncoder().encode("%PDF-1.7 passport data page");

function flipped(blob: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(blob);
  copy[index]! ^= 0x01;
  return copy;
}

describe("document encryption", () => {
  it("round-trips, with a fresh IV each time", () => {
    const a = encryptBlob(key, plaintext, "blob-1");
    const b = encryptBlob(key, plaintext, "blob-1");
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + 16 + plaintext.length);
    expect(Buffer.from(a.subarray(1, 13)).equals(Buffer.from(b.subarray(1, 13)))).toBe(false);
    expect(Buffer.from(a).includes(Buffer.from("passport"))).toBe(false);
    expect(decryptBlob(key, a, "blob-1")).toEqual(plaintext);
    expect(decryptBlob(key, encryptBlob(key, new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });

  it("refuses tampered version, IV, tag or ciphertext, and truncation", () => {
    const blob = encryptBlob(key, plaintext, "blob-1");
    expect(() => decryptBlob(key, flipped(blob, 0), "blob-1")).toThrow(/version/);
    expect(() => decryptBlob(key, flipped(blob, 5), "blob-1")).toThrow(/authentication/); // iv
    expect(() => decryptBlob(key, flipped(blob, 20), "blob-1")).toThrow(/authentication/); // tag
    expect(() => decryptBlob(key, flipped(blob, blob.length - 1), "blob-1")).toThrow(/authentication/); // ciphertext
    expect(() => decryptBlob(key, blob.subarray(0, blob.length - 1), "blob-1")).toThrow(/authentication/);
    expect(() => decryptBlob(key, blob.subarray(0, 20), "blob-1")).toThrow(/truncated/);
  });

  it("refuses a blob moved to another id or read with another key", () => {
    const blob = encryptBlob(key, plaintext, "blob-1");
    expect(() => decryptBlob(key, blob, "blob-2")).toThrow(/authentication/);
    expect(() => decryptBlob(key, blob)).toThrow(/authentication/);
    expect(() => decryptBlob(randomBytes(32), blob, "blob-1")).toThrow(/authentication/);
  });

  it("needs a 32-byte key", () => {
    expect(() => encryptBlob(randomBytes(16), plaintext)).toThrow(/32 bytes/);
    expect(parseDocumentKey(key.toString("base64url")).equals(key)).toBe(true);
    expect(parseDocumentKey(key.toString("base64")).equals(key)).toBe(true);
    expect(() => parseDocumentKey("c2hvcnQ=")).toThrow(/32 bytes/);
  });
});
