/**
 * The second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, what every authenticator
 * app reads) and single-use recovery codes.
 *
 * Secrets are sealed (AES-256-GCM) under a key derived from DOCUMENT_KEY and bound to the account,
 * so a copied database gives neither a working second factor nor one account's secret for another.
 * Recovery codes are stored as sha256 only; 80 random bits make a slow hash unnecessary.
 *
 * Relative imports only: the end-to-end fixtures import this module outside the app's bundler.
 */
import { createHash, hkdfSync, randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import { Secret, TOTP } from "otpauth";
import { ALPHABET, compactSymbols } from "../domain/reference";
import { decryptBlob, encryptBlob } from "../utils/document-crypto.server";
import type { Database } from "../../db/schema";

export const TOTP_ISSUER = "PSCG";
const TOTP_PARAMS = { algorithm: "SHA1", digits: 6, period: 30 } as const;
/** One step either side: a phone clock up to 30 seconds off still works. */
export const TOTP_WINDOW = 1;
const SECRET_BYTES = 20; // 160 bits, RFC 4226's recommendation

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_CODE_SYMBOLS = 16; // 16 symbols of a 30-symbol alphabet: 78 bits

function sealingKey(documentKey: Uint8Array, purpose: "totp secret" | "recovery codes"): Buffer {
  // A key per purpose, so that no ciphertext made for documents can be passed off as a TOTP secret.
  return Buffer.from(hkdfSync("sha256", documentKey, new Uint8Array(0), `pscg staff ${purpose} v1`, 32));
}

export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

export function sealTotpSecret(documentKey: Uint8Array, staffUserId: string, secret: string): string {
  return Buffer.from(encryptBlob(sealingKey(documentKey, "totp secret"), Buffer.from(secret, "utf8"), `totp:${staffUserId}`)).toString(
    "base64",
  );
}

/** Throws when the sealed value was altered or sealed for another account or under another key. */
export function openTotpSecret(documentKey: Uint8Array, staffUserId: string, sealed: string): string {
  return Buffer.from(decryptBlob(sealingKey(documentKey, "totp secret"), Buffer.from(sealed, "base64"), `totp:${staffUserId}`)).toString(
    "utf8",
  );
}

/** The otpauth:// URI the setup QR code carries. */
export function totpUri(secret: string, accountName: string): string {
  return new TOTP({ issuer: TOTP_ISSUER, label: accountName, secret: Secret.fromBase32(secret), ...TOTP_PARAMS }).toString();
}

/**
 * The URI as a QR code in a data: URL (the CSP allows images from data:, and an <img> needs no
 * inline markup). SVG: sharp at any zoom, and about 3 KB.
 */
export async function totpQrCodeDataUrl(uri: string): Promise<string> {
  // Only the set-up page draws one: qrcode (and the pngjs it pulls in) is loaded then (decision 046).
  const { default: QRCode } = await import("qrcode");
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

export function totpCode(secret: string, now = new Date()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now.getTime(), ...TOTP_PARAMS });
}

/** The time step a 6-digit code belongs to (within the window around now), or null. */
export function matchTotpStep(secret: string, code: string, now = new Date()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const timestamp = now.getTime();
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secret), timestamp, window: TOTP_WINDOW, ...TOTP_PARAMS });
  return delta === null ? null : TOTP.counter({ period: TOTP_PARAMS.period, timestamp }) + delta;
}

/** What people type for a TOTP code: digits, perhaps with a space in the middle as apps show them. */
export function compactTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const symbols = Array.from({ length: RECOVERY_CODE_SYMBOLS }, () => ALPHABET.charAt(randomInt(ALPHABET.length))).join("");
    return symbols.match(/.{4}/g)!.join("-");
  });
}

/**
 * Recovery codes on their way to the page that shows them once, sealed to the session that may
 * see them: they rest in the store for the moment between the redirect and the page.
 */
export function sealRecoveryCodes(documentKey: Uint8Array, sessionIdHash: string, codes: readonly string[]): string {
  const plaintext = Buffer.from(JSON.stringify(codes), "utf8");
  return Buffer.from(encryptBlob(sealingKey(documentKey, "recovery codes"), plaintext, `session:${sessionIdHash}`)).toString("base64");
}

export function openRecoveryCodes(documentKey: Uint8Array, sessionIdHash: string, sealed: string): string[] {
  const plaintext = decryptBlob(sealingKey(documentKey, "recovery codes"), Buffer.from(sealed, "base64"), `session:${sessionIdHash}`);
  const codes: unknown = JSON.parse(Buffer.from(plaintext).toString("utf8"));
  return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === "string") : [];
}

/** The recovery code's symbols as stored (upper case, no separators), or null when it cannot be one. */
export function compactRecoveryCode(input: string): string | null {
  const symbols = compactSymbols(input);
  return symbols !== null && symbols.length === RECOVERY_CODE_SYMBOLS ? symbols : null;
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(compactRecoveryCode(code) ?? code)
    .digest("hex");
}

/** The sealed secret of an account whose TOTP is confirmed. */
export async function findConfirmedTotpSecret(db: Kysely<Database>, staffUserId: string): Promise<string | null> {
  const row = await db
    .selectFrom("staff_user")
    .select("totp_secret")
    .where("id", "=", staffUserId)
    .where("totp_confirmed_at", "is not", null)
    .executeTakeFirst();
  return row?.totp_secret ?? null;
}

/**
 * Makes a confirmed secret the account's second factor, once: false when the account already has
 * one (two tabs confirming at once enrol one secret). `step` is the step of the confirming code.
 */
export async function confirmTotpSecret(
  db: Kysely<Database>,
  staffUserId: string,
  sealed: string,
  step: number,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable("staff_user")
    .set({ totp_secret: sealed, totp_confirmed_at: now.toISOString(), totp_last_step: step, updated_at: now.toISOString() })
    .where("id", "=", staffUserId)
    .where("totp_confirmed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Accepts a time step once: true only when it is later than every step accepted before, so a code
 * that was seen (over a shoulder, in a proxy log) cannot be used again, even within its 90 seconds.
 */
export async function claimTotpStep(db: Kysely<Database>, staffUserId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable("staff_user")
    .set({ totp_last_step: step })
    .where("id", "=", staffUserId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces every recovery code of the account with the given ones (hashed here). */
export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  staffUserId: string,
  codes: readonly string[],
  now = new Date(),
): Promise<void> {
  await db.deleteFrom("staff_recovery_code").where("staff_user_id", "=", staffUserId).execute();
  await db
    .insertInto("staff_recovery_code")
    .values(
      codes.map((code) => ({
        staff_user_id: staffUserId,
        code_hash: hashRecoveryCode(code),
        created_at: now.toISOString(),
        used_at: null,
      })),
    )
    .execute();
}

/** Uses up one recovery code; false when it is not one of the account's unused codes. */
export async function consumeRecoveryCode(db: Kysely<Database>, staffUserId: string, input: string, now = new Date()): Promise<boolean> {
  const code = compactRecoveryCode(input);
  if (!code) return false;
  const result = await db
    .updateTable("staff_recovery_code")
    .set({ used_at: now.toISOString() })
    .where("staff_user_id", "=", staffUserId)
    .where("code_hash", "=", hashRecoveryCode(code))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Kysely<Database>, staffUserId: string): Promise<number> {
  const row = await db
    .selectFrom("staff_recovery_code")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("staff_user_id", "=", staffUserId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
