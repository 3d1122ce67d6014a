/**
 * Why an application can be refused. Each reason has a text for staff and one for the applicant
 * (in the applicant's language); an officer adds a free-text note that the applicant also sees.
 */
export const REJECTION_REASONS = [
  "identity_not_verified",
  "documents_insufficient",
  "information_inconsistent",
  "no_answer_to_request",
  "not_eligible",
  "other",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export function isRejectionReason(value: unknown): value is RejectionReason {
  return typeof value === "string" && (REJECTION_REASONS as readonly string[]).includes(value);
}
