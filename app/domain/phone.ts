/**
 * Phone numbers with their country code, stored as E.164 (`+306912345678`). Uses libphonenumber's
 * `min` metadata: about 80 kB instead of 145 kB in the browser. It checks each country's overall
 * number pattern and lengths, enough to catch a missing or extra digit, but not whether a number is
 * mobile or fixed.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/min";
import { foldTypedCharacters } from "./reference";

export type PhoneError = "validation:phone.format";
export type PhoneResult = { ok: true; value: string } | { ok: false; error: PhoneError };

const MAX_INPUT_LENGTH = 64;
const FORMAT: PhoneResult = { ok: false, error: "validation:phone.format" };

/**
 * Accepts `+30 691 234 5678`, `0030 691 234 5678`, `(+30) 691…`, and a national number when the
 * page knows the country (ISO alpha-2, e.g. the country of residence). Extensions are refused: E.164
 * cannot hold them, and dropping one silently would store a number that does not reach the person.
 */
export function parsePhone(input: string, defaultCountry?: string): PhoneResult {
  if (input.length > MAX_INPUT_LENGTH) return FORMAT;
  const text = foldTypedCharacters(input)
    .trim()
    // "(+30) 691…" and "(0030) 691…": libphonenumber reads neither.
    .replace(/^\(\s*((?:\+|00)\s*\d{1,3})\s*\)/, "$1 ")
    // 00 is the international prefix in Europe, Pakistan and the Gulf; libphonenumber only reads it
    // when the default country uses it, and people keep typing it after moving to a country that
    // dials out with another prefix (011 in North America).
    .replace(/^00\s*/, "+");
  const country = defaultCountry?.toUpperCase();
  const number = parsePhoneNumberFromString(text, {
    defaultCountry: country && isSupportedCountry(country) ? country : undefined,
    // A whole field is one number: never pick a number out of surrounding text.
    extract: false,
  });
  if (!number?.isValid() || number.ext) return FORMAT;
  return { ok: true, value: number.number };
}

/** A stored number as people read it (`+30 210 672 9700`); a short number (112) as it is. */
export function formatPhone(stored: string): string {
  return (stored.startsWith("+") && parsePhoneNumberFromString(stored)?.formatInternational()) || stored;
}
