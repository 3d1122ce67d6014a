/**
 * What the staff case page does with each of its posts, once the route has guarded, parsed and
 * settled who may act (`checkCaseAction`): one handler per intent, each calling its model. Whether
 * the status still allows the step is the model's to judge, inside its transaction.
 */
import type { AppLoadContext } from "@remix-run/node";
import { certificateMails } from "~/mails/certificate-mails.server";
import { statusNotice } from "~/mails/status-changed.server";
import { addCaseNote, reassignCase } from "~/models/case-view.server";
import { transitionApplication } from "~/models/case.server";
import { issueCertificate } from "~/models/certificate-issue.server";
import { askForInformation } from "~/models/information-request.server";
import type { CaseAction } from "~/schemas/case-action";
import { type StaffIdentity, staffActor } from "./auth.server";

/** "done", or the problem the page names (a key under `cases:case.problems`). */
export type CaseIntentOutcome = { ok: true } | { ok: false; problem: string };

type CaseIntentArgs<I extends CaseAction["intent"]> = {
  context: AppLoadContext;
  staff: StaffIdentity;
  applicationId: string;
  centerSlug: string;
  input: Extract<CaseAction, { intent: I }>;
};

async function note({ context, staff, applicationId, input }: CaseIntentArgs<"note">): Promise<CaseIntentOutcome> {
  await addCaseNote(context.db, { applicationId, authorId: staff.user.id, body: input.note, actor: staffActor(staff) });
  return { ok: true };
}

async function reassign({ context, staff, applicationId, centerSlug, input }: CaseIntentArgs<"reassign">): Promise<CaseIntentOutcome> {
  const outcome = await reassignCase(context.db, {
    applicationId,
    assignTo: input.assignTo,
    expectedVersion: input.version,
    centerSlug,
    actor: staffActor(staff),
  });
  return outcome === "ok" ? { ok: true } : { ok: false, problem: outcome === "not_found" ? "illegal" : "conflict" };
}

async function requestInformation({ context, staff, applicationId, input }: CaseIntentArgs<"request_information">) {
  return askForInformation(context.db, {
    applicationId,
    question: input.question,
    staffUserId: staff.user.id,
    sessionRef: staff.sessionRef,
    expectedVersion: input.version,
    notice: statusNotice(context.env.PUBLIC_URL),
  });
}

type StepIntent = "claim" | "release" | "approve" | "reject" | "mark_collected";

async function lifecycleStep({ context, staff, applicationId, input }: CaseIntentArgs<StepIntent>) {
  return transitionApplication(context.db, {
    applicationId,
    action: input.intent,
    expectedVersion: input.version,
    actor: staffActor(staff),
    assignTo: staff.user.id,
    reason: input.intent === "reject" ? input.reason : null,
    note: input.intent === "reject" ? input.rejectionNote : null,
    // Claiming and releasing are internal; the applicant hears of decisions and questions. An
    // approval's news is the certificate, mailed when it is issued (issueAfterApproval).
    notice:
      input.intent === "claim" || input.intent === "release" || input.intent === "approve"
        ? undefined
        : statusNotice(context.env.PUBLIC_URL),
  });
}

/**
 * Approving issues the certificate at once (the lifecycle's "system" step), after the approval has
 * committed: a failure here leaves the case approved, which housekeeping retries, so the officer's
 * approval never fails because of it.
 */
async function issueAfterApproval(context: AppLoadContext, applicationId: string) {
  try {
    const issued = await issueCertificate(
      context.db,
      applicationId,
      { documentKey: context.documentKey, publicUrl: context.env.PUBLIC_URL, signing: context.env },
      certificateMails(context.env.PUBLIC_URL),
    );
    context.logger.info({ requestId: context.requestId, outcome: issued.ok ? "issued" : issued.problem }, "certificate issue");
  } catch (error) {
    context.logger.warn({ requestId: context.requestId, err: error }, "certificate issue failed; housekeeping will retry");
  }
}

/** Runs the intent the officer posted; the route redirects on `ok` and shows the problem otherwise. */
export async function runCaseIntent(args: CaseIntentArgs<CaseAction["intent"]>): Promise<CaseIntentOutcome> {
  const { input } = args;
  // A note and a reassignment change no status: they are not logged as lifecycle steps.
  if (input.intent === "note") return note({ ...args, input });
  if (input.intent === "reassign") return reassign({ ...args, input });
  const outcome =
    input.intent === "request_information" ? await requestInformation({ ...args, input }) : await lifecycleStep({ ...args, input });
  args.context.logger.info(
    { requestId: args.context.requestId, action: input.intent, outcome: outcome.ok ? "done" : outcome.problem },
    "case action",
  );
  if (input.intent === "approve" && outcome.ok) await issueAfterApproval(args.context, args.applicationId);
  return outcome.ok ? { ok: true } : { ok: false, problem: outcome.problem };
}
