/**
 * The order of the certificate application's pages and what "complete" means, as data, so the
 * step pages, the progress line and the check-answers page agree.
 */
export const STEPS = ["personal", "contact", "addresses", "purpose", "delivery", "documents"] as const;
export type Step = (typeof STEPS)[number];

export const REQUIRED_DOCUMENTS = ["passport", "cnic_front", "cnic_back", "photo"] as const;
export type RequiredDocument = (typeof REQUIRED_DOCUMENTS)[number];

export const FEE_PKR = 500;
export const PROCESSING_WORKING_DAYS = 10;
export const CERTIFICATE_VALID_DAYS = 180;

export function stepNumber(step: Step): number {
  return STEPS.indexOf(step) + 1;
}

export function nextStep(step: Step): Step | null {
  return STEPS[STEPS.indexOf(step) + 1] ?? null;
}

export function previousStep(step: Step): Step | null {
  return STEPS[STEPS.indexOf(step) - 1] ?? null;
}

/** What a draft holds, as far as the journey is concerned: which steps are answered. */
export type Progress = { answered: ReadonlySet<Step> };

/** The first page still to answer, or null when everything is ready to check. */
export function firstUnanswered(progress: Progress): Step | null {
  return STEPS.find((s) => !progress.answered.has(s)) ?? null;
}
