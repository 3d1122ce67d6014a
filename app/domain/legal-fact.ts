/**
 * The rules for a legal-migration fact's value, one per kind: an official link must be a
 * well-formed https address, a fee an amount and an ISO 4217 currency, a phone number a real number
 * of the country it concerns (app/domain/phone). No I/O: the schema and the page both use these.
 */
import { parsePhone } from "./phone";

export const LEGAL_FACT_DESTINATIONS = ["PK", "GR", "IT", "ES"] as const;
export type LegalFactDestination = (typeof LEGAL_FACT_DESTINATIONS)[number];
export const LEGAL_FACT_KINDS = ["link", "fee", "phone"] as const;
export type LegalFactKind = (typeof LEGAL_FACT_KINDS)[number];

export type FactValueError =
  | "staff:validation.legalUrlFormat"
  | "staff:validation.legalUrlHttps"
  | "staff:validation.legalFeeFormat"
  | "staff:validation.legalPhoneFormat";
export type FactValueResult = { ok: true; value: string } | { ok: false; error: FactValueError };

const MAX_URL_LENGTH = 500;
// Two decimals at most; a comma is read as the decimal mark (Greek and Italian write 12,50).
const FEE = /^(\d{1,7})(?:[.,](\d{1,2}))?\s*([A-Za-z]{3})$|^([A-Za-z]{3})\s*(\d{1,7})(?:[.,](\d{1,2}))?$/;
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

function readUrl(input: string): FactValueResult {
  // http:, javascript:, data: and the like: a citizen page only ever links to an encrypted official site.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(input)?.[1];
  if (scheme && scheme.toLowerCase() !== "https") return { ok: false, error: "staff:validation.legalUrlHttps" };
  if (input.length > MAX_URL_LENGTH || /[\s<>"'`\\]/.test(input)) return { ok: false, error: "staff:validation.legalUrlFormat" };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, error: "staff:validation.legalUrlFormat" };
  }
  if (url.protocol !== "https:") return { ok: false, error: "staff:validation.legalUrlHttps" };
  // A dotted host name only: no credentials, no bare address, no port a public site would not use.
  if (url.username || url.password || url.port || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(url.hostname) || /^[\d.]+$/.test(url.hostname))
    return { ok: false, error: "staff:validation.legalUrlFormat" };
  return { ok: true, value: url.href };
}

function readFee(input: string): FactValueResult {
  const match = FEE.exec(input.replace(/\u00a0/g, " "));
  if (!match) return { ok: false, error: "staff:validation.legalFeeFormat" };
  const [whole, cents, code] = match[1] ? [match[1], match[2], match[3]!] : [match[5]!, match[6], match[4]!];
  const currency = code.toUpperCase();
  if (!CURRENCIES.has(currency)) return { ok: false, error: "staff:validation.legalFeeFormat" };
  const amount = cents ? `${Number(whole)}.${cents.padEnd(2, "0")}` : String(Number(whole));
  return { ok: true, value: `${amount} ${currency}` };
}

/** The value as stored, or the translation key of what is wrong with it. */
export function readFactValue(kind: LegalFactKind, input: string, destination: LegalFactDestination): FactValueResult {
  const text = input.trim();
  switch (kind) {
    case "link":
      return readUrl(text);
    case "fee":
      return readFee(text);
    case "phone": {
      const phone = parsePhone(text, destination);
      return phone.ok ? phone : { ok: false, error: "staff:validation.legalPhoneFormat" };
    }
  }
}

/** A stored fee as its parts, for Intl formatting. */
export function feeParts(stored: string): { amount: number; currency: string } {
  const [amount = "0", currency = "PKR"] = stored.split(" ");
  return { amount: Number(amount), currency };
}
