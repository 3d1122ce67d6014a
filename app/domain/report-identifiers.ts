/**
 * Agent identifiers as reports name them, reduced to one form each so that reports naming the same
 * agent link up however it was written: phone numbers to E.164 (libphonenumber; a local number
 * takes the country the reporter chose for the offer), `wa.me` links to their phone number, and
 * profiles to platform + canonical handle. What cannot be read stays as typed, flagged: never refused.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/min";
import { foldTypedCharacters } from "./reference";

export const PLATFORMS = ["facebook", "tiktok", "instagram", "telegram", "whatsapp"] as const;
export type Platform = (typeof PLATFORMS)[number];

export type AgentIdentifier =
  | { kind: "phone"; value: string; raw: string; flagged: false }
  | { kind: "handle"; platform: Exclude<Platform, "whatsapp">; value: string; raw: string; flagged: false }
  | { kind: "text"; value: string; raw: string; flagged: true };

/** The stored key of an identifier: `phone:+923001234567`, `tiktok:agent.ali`, `text:…`. */
export function identifierKey(identifier: AgentIdentifier): string {
  if (identifier.kind === "phone") return `phone:${identifier.value}`;
  if (identifier.kind === "handle") return `${identifier.platform}:${identifier.value}`;
  return `text:${identifier.value}`;
}

const MAX_INPUT = 300;

/**
 * A phone number in any common form: `+92 300 1234567`, `0300-1234567` (with Pakistan chosen),
 * `00923001234567`, `923001234567`, Greek `6912345678` with Greece chosen. Null when it is no number.
 */
export function normalizePhone(input: string, country?: string | null): string | null {
  const text = foldTypedCharacters(input)
    .trim()
    .replace(/^\(\s*((?:\+|00)\s*\d{1,3})\s*\)/, "$1 ")
    .replace(/^00\s*/, "+");
  if (!/^\+?[\d\s().\-/]{6,}$/.test(text)) return null;
  const region = country?.toUpperCase();
  const defaultCountry = region && isSupportedCountry(region) ? region : undefined;
  const read = (candidate: string) => {
    const number = parsePhoneNumberFromString(candidate, { defaultCountry, extract: false });
    return number?.isValid() ? number.number : null;
  };
  const direct = read(text);
  if (direct) return direct;
  // "923001234567": an international number written without its plus.
  const digits = text.replace(/\D/g, "");
  return text.startsWith("+") ? null : read(`+${digits}`);
}

const HANDLE = /^[\p{L}\p{N}._-]{1,100}$/u;

function canonicalHandle(handle: string): string | null {
  const bare = handle.replace(/^@/, "").replace(/\/+$/, "").toLowerCase();
  return HANDLE.test(bare) ? bare : null;
}

function asUrl(text: string): URL | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return url.hostname.includes(".") ? url : null;
  } catch {
    return null;
  }
}

const HOSTS: Record<string, Platform> = {
  "facebook.com": "facebook",
  "fb.com": "facebook",
  "fb.me": "facebook",
  "tiktok.com": "tiktok",
  "instagram.com": "instagram",
  "instagr.am": "instagram",
  "t.me": "telegram",
  "telegram.me": "telegram",
  "wa.me": "whatsapp",
};

function platformOf(host: string): Platform | null {
  const bare = host.toLowerCase().replace(/^(www|m|mobile|web|vm)\./, "");
  return HOSTS[bare] ?? null;
}

/** A profile link or handle: the platform and the handle, or a phone number for `wa.me` links. */
function readProfile(text: string, phoneCountry?: string | null): AgentIdentifier | null {
  const raw = text;
  const url = asUrl(text);
  const platform = url ? platformOf(url.hostname) : null;
  if (url && platform) {
    const segments = url.pathname.split("/").filter(Boolean);
    if (platform === "whatsapp") {
      const phone = segments[0] ? normalizePhone(`+${segments[0].replace(/\D/g, "")}`, phoneCountry) : null;
      return phone ? { kind: "phone", value: phone, raw, flagged: false } : null;
    }
    if (platform === "facebook") {
      // profile.php?id=100012345678 names an account by its number; people.php and /people/<name>/<id> likewise.
      const id = url.searchParams.get("id");
      if (segments[0] === "profile.php" && id && /^\d{5,20}$/.test(id))
        return { kind: "handle", platform, value: `id:${id}`, raw, flagged: false };
      if (segments[0] === "people" && segments[2] && /^\d{5,20}$/.test(segments[2])) {
        return { kind: "handle", platform, value: `id:${segments[2]}`, raw, flagged: false };
      }
      const handle = segments[0] ? canonicalHandle(segments[0]) : null;
      return handle && handle !== "profile.php" ? { kind: "handle", platform, value: handle, raw, flagged: false } : null;
    }
    // tiktok.com/@name, instagram.com/name, t.me/name
    const first = segments[0] ?? "";
    if (platform === "tiktok" && !first.startsWith("@")) return null;
    const handle = canonicalHandle(first);
    return handle ? { kind: "handle", platform, value: handle, raw, flagged: false } : null;
  }
  return null;
}

/**
 * The countries a local number may belong to, most likely first: where the offer was made, where
 * the journey was to start, and Pakistan, whose agents' 03xx numbers reach workers everywhere.
 */
export function phoneCountries(...countries: (string | null | undefined)[]): string[] {
  return [...new Set([...countries, "PK"].filter((c): c is string => Boolean(c)).map((c) => c.toUpperCase()))];
}

function normalizeInAny(input: string, countries: readonly string[]): string | null {
  for (const country of countries.length > 0 ? countries : [undefined]) {
    const phone = normalizePhone(input, country);
    if (phone) return phone;
  }
  return null;
}

/** Every phone line of a report: a local number is read in the first of `countries` where it is one. */
export function readPhoneIdentifier(input: string, countries: readonly string[] = []): AgentIdentifier {
  const raw = input.slice(0, MAX_INPUT);
  const viaLink = readProfile(raw.trim(), countries[0]);
  if (viaLink?.kind === "phone") return viaLink;
  const phone = normalizeInAny(raw, countries);
  return phone ? { kind: "phone", value: phone, raw, flagged: false } : junk(raw);
}

/**
 * Every profile line: a link to Facebook, TikTok, Instagram or Telegram, `wa.me`, or a handle
 * written as `@name` together with the platform the offer came through (`platform`).
 */
export function readProfileIdentifier(input: string, platform?: Platform | null, countries: readonly string[] = []): AgentIdentifier {
  const raw = input.slice(0, MAX_INPUT);
  const text = raw.trim();
  const profile = readProfile(text, countries[0]);
  if (profile) return profile;
  // "@name" alone: the platform is the one the offer came through, when that is a social network.
  if (text.startsWith("@") && platform && platform !== "whatsapp") {
    const handle = canonicalHandle(text);
    if (handle) return { kind: "handle", platform, value: handle, raw, flagged: false };
  }
  const phone = normalizeInAny(text, countries);
  if (phone) return { kind: "phone", value: phone, raw, flagged: false };
  return junk(raw);
}

function junk(raw: string): AgentIdentifier {
  return { kind: "text", value: raw.trim().toLowerCase().replace(/\s+/g, " "), raw, flagged: true };
}

/**
 * How a search box's input is read: the same way as a report's lines, so an investigator finds a
 * number however either side wrote it.
 */
export function readSearchIdentifier(input: string, countries: readonly string[] = phoneCountries()): AgentIdentifier {
  const phone = readPhoneIdentifier(input, countries);
  return phone.kind === "phone" ? phone : readProfileIdentifier(input, null, countries);
}
