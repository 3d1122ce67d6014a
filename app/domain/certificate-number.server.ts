/** Fresh certificate numbers. Server-only (node:crypto). */
import { CERTIFICATE_RANDOM_LENGTH, certificateCheckSymbol, formatCertificateNumber } from "./certificate-number";
import { randomSymbols } from "./reference.server";

/**
 * A new number, uniform over all valid ones (about 2.1 × 10¹⁰). Not unique by construction: the
 * caller inserts under the unique index and draws again on a conflict.
 */
export function newCertificateNumber(): string {
  for (;;) {
    const body = randomSymbols(CERTIFICATE_RANDOM_LENGTH);
    // 1 body in 31 has no check symbol; drawing again keeps the result uniform.
    const check = certificateCheckSymbol(body);
    if (check) return formatCertificateNumber(body + check);
  }
}
