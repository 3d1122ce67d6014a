/**
 * What the applicant's posts on the tracking page do: answer the officer's open question, or dispute
 * the issued certificate. Each checks its text and file, then hands both to one model call that stores
 * them together (nothing is kept of a post that fails).
 */
import type { AppLoadContext } from "@remix-run/node";
import { findCertificateForApplication } from "~/models/certificate.server";
import { openDisputeWithEvidence } from "~/models/dispute.server";
import { answerInformationRequestWithEvidence, findOpenRequest } from "~/models/information-request.server";
import { InformationAnswerSchema } from "~/schemas/track";
import { DisputeSchema } from "~/schemas/verify";
import { type FieldErrors, parseForm } from "~/utils/form";
import { checkUploads, hasChosenFile } from "./documents-step.server";

export type AnswerOutcome = { outcome: "answered" } | { outcome: "stale" } | { outcome: "invalid"; errors: FieldErrors; answer: string };

/** "stale": the question the page showed is no longer the open one (answered already, or withdrawn). */
export async function answerQuestion(context: AppLoadContext, applicationId: string, formData: FormData): Promise<AnswerOutcome> {
  const open = await findOpenRequest(context.db, applicationId);
  if (!open || formData.get("requestId") !== open.id) return { outcome: "stale" };
  const parsed = parseForm(InformationAnswerSchema, formData);
  const answer = String(formData.get("answer") ?? "");
  if (!parsed.ok) return { outcome: "invalid", errors: parsed.errors, answer };
  if (!parsed.data.answer && !hasChosenFile(formData, "evidence")) {
    return { outcome: "invalid", errors: { answer: "track:request.answerRequired" }, answer };
  }
  const { uploads, errors: uploadErrors } = await checkUploads(formData, ["evidence"]);
  if (Object.keys(uploadErrors).length > 0) return { outcome: "invalid", errors: uploadErrors, answer };
  await answerInformationRequestWithEvidence(context.db, context.documentKey, {
    applicationId,
    requestId: open.id,
    answer: parsed.data.answer,
    evidence: uploads,
  });
  context.logger.info({ requestId: context.requestId, outcome: "answered" }, "information request answer");
  return { outcome: "answered" };
}

export type DisputeOutcome =
  | { outcome: "opened" }
  /** The model refused (one is open already): the page shows the dispute as it stands. */
  | { outcome: "not_opened" }
  /** No certificate to dispute, or it has been revoked since the page was shown. */
  | { outcome: "no_certificate" }
  | { outcome: "invalid"; errors: FieldErrors; disputeText: string };

/** The holder's dispute of the certificate, with its evidence: checked here, stored with the dispute. */
export async function disputeCertificate(context: AppLoadContext, applicationId: string, formData: FormData): Promise<DisputeOutcome> {
  const certificate = await findCertificateForApplication(context.db, applicationId);
  if (!certificate || certificate.state === "revoked") return { outcome: "no_certificate" };
  const disputeText = String(formData.get("disputeText") ?? "");
  const parsed = parseForm(DisputeSchema, formData);
  const { uploads, errors: uploadErrors } = await checkUploads(formData, ["evidence"]);
  const errors: FieldErrors = {
    ...(parsed.ok ? {} : parsed.errors),
    ...(uploadErrors.evidence ? { disputeEvidence: uploadErrors.evidence } : {}),
  };
  if (!parsed.ok || Object.keys(errors).length > 0) return { outcome: "invalid", errors, disputeText };
  const opened = await openDisputeWithEvidence(context.db, context.documentKey, {
    applicationId,
    text: parsed.data.disputeText,
    evidence: uploads,
  });
  context.logger.info({ requestId: context.requestId, outcome: opened.ok ? "opened" : opened.problem }, "certificate dispute");
  return opened.ok ? { outcome: "opened" } : { outcome: "not_opened" };
}
