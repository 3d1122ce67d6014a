/**
 * Fresh references and random symbols. Server-only (node:crypto); the validators in reference.ts
 * stay browser-safe.
 */
import { randomInt } from "node:crypto";
import { ALPHABET, REFERENCE_PREFIX, REFERENCE_RANDOM_LENGTH, checkSymbol, type ReferenceKind } from "./reference";

/** randomInt rejects biased draws itself, so each symbol is uniform (no `byte % 30` skew). */
export function randomSymbols(count: number): string {
  let symbols = "";
  for (let i = 0; i < count; i++) symbols += ALPHABET.charAt(randomInt(ALPHABET.length));
  return symbols;
}

/**
 * A new reference, uniform over all valid ones (about 2.1 × 10¹⁰ per kind). Not unique by
 * construction: among n references about n² / 4.2 × 10¹⁰ pairs collide (0.24 at 100,000, 24 at a
 * million), so the caller inserts under the unique index and draws again on a conflict.
 */
export function newReference(kind: ReferenceKind): string {
  for (;;) {
    const body = randomSymbols(REFERENCE_RANDOM_LENGTH);
    // 1 body in 31 has no check symbol (see reference.ts); drawing again keeps the result uniform.
    const check = checkSymbol(kind, body);
    if (check) return `${REFERENCE_PREFIX[kind]}-${body.slice(0, 4)}-${body.slice(4)}${check}`;
  }
}
