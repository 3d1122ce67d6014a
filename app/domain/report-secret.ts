/**
 * A report's secret: 20 symbols of the reference alphabet (30²⁰ ≈ 2⁹⁸, above the 80 bits asked),
 * shown once in five groups of four that a person can copy onto paper and type back in any case,
 * with or without spaces and hyphens. Browser-safe; the random draw is in report-secret.server.ts.
 */
import { compactSymbols } from "./reference";

export const SECRET_LENGTH = 20;
const GROUP = 4;

export function secretGroups(secret: string): string[] {
  const groups: string[] = [];
  for (let i = 0; i < secret.length; i += GROUP) groups.push(secret.slice(i, i + GROUP));
  return groups;
}

/** What was typed, as the 20 symbols it stands for; null when it cannot be a secret. */
export function readTypedSecret(input: string): string | null {
  const symbols = compactSymbols(input);
  return symbols && symbols.length === SECRET_LENGTH ? symbols : null;
}
