/**
 * What every question page does with a submission: validate against its schema, keep the answers
 * in the draft, and go on (to the next page, or back to "check your answers" after a change).
 * "Save and come back later" keeps whatever is valid and hands out a new resume link.
 */
import { type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import type * as z from "zod/mini";
import { nextStep, type Step, STEPS } from "~/domain/certificate-journey";
import { type OpenDraft, rotateDraftSecret, saveDraftStep } from "~/models/draft.server";
import type { AnswerPage } from "~/schemas/draft-answers";
import { isLang, type Lang } from "~/i18n";
import { enqueueMail } from "~/models/outbox.server";
import { clearDraftCookie, requireDraft, setSavedLink } from "./draft-session.server";
import { resumeLinkMail } from "~/mails/resume-link.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/responses";

export type StepActionResult = { errors: FieldErrors; values: FormValues };

export function isReturnToCheck(request: Request): boolean {
  return new URL(request.url).searchParams.get("change") === "1";
}

/** Every question page's guard, in its loader and its action: a known language, and the browser's open draft. */
export async function requireStepDraft({
  request,
  params,
  context,
}: Pick<LoaderFunctionArgs, "request" | "params" | "context">): Promise<{ lang: Lang; draft: OpenDraft }> {
  if (!isLang(params.lang)) throw notFound();
  return { lang: params.lang, draft: await requireDraft(request, context, params.lang) };
}

/** What every question page's loader tells its form besides the answers: came from "check", answers dropped. */
export function stepPageState(request: Request, draft: OpenDraft, section: AnswerPage): { returnToCheck: boolean; answerAgain: boolean } {
  return { returnToCheck: isReturnToCheck(request), answerAgain: draft.droppedPages.includes(section) };
}

/** A page of the journey that stores answers: the six counted steps, and the two questions before them. */
export type Section = Step | "who" | "authority";

function isStep(section: Section): section is Step {
  return (STEPS as readonly string[]).includes(section);
}

export function isSection(value: string): value is Section {
  return value === "who" || value === "authority" || (STEPS as readonly string[]).includes(value);
}

export function stepHref(lang: string, step: Section | "check"): string {
  return `/${lang}/certificate/${step}`;
}

/**
 * Ends the browser's hold on the draft (the next person on a shared phone starts afresh), shows
 * the resume link once, and mails it when the applicant has given an address.
 */
export async function saveAndReturn(context: AppLoadContext, lang: Lang, draft: OpenDraft, section: Section): Promise<Response> {
  const key = await rotateDraftSecret(context.db, draft.id);
  const link = `${context.env.PUBLIC_URL}/${lang}/certificate/resume?key=${encodeURIComponent(key)}`;
  const email = draft.answers.contact?.email;
  if (email) {
    await enqueueMail(context.db, { to: email, language: lang, ...resumeLinkMail(lang, { link, expiresAt: draft.expiresAt }) });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await clearDraftCookie(context));
  headers.append(
    "Set-Cookie",
    await setSavedLink(context, { link, key, section, expiresAt: draft.expiresAt, emailed: Boolean(email), shown: false }),
  );
  return redirect(`/${lang}/certificate/saved`, { headers });
}

export async function handleStepAction<T>({
  formData,
  context,
  lang,
  draft,
  step,
  schema,
  crossCheck,
  next,
}: {
  formData: FormData;
  context: AppLoadContext;
  lang: Lang;
  draft: OpenDraft;
  step: Section;
  schema: z.ZodMiniType<T>;
  /** Rules against answers on other pages (e.g. the e-authority's passport number). */
  crossCheck?: (data: T, draft: OpenDraft) => FieldErrors | null;
  /** Where "Continue" goes (default: the next page in order). */
  next?: (data: T) => Section | "check";
}): Promise<Response | StepActionResult> {
  const intent = formData.get("intent");
  const parsed = parseForm(schema, formData);
  const crossErrors = parsed.ok ? crossCheck?.(parsed.data, draft) : null;
  // The page's schema produced parsed.data, so it has the shape that page stores (app/schemas/draft-answers.ts).
  if (parsed.ok && !crossErrors && step !== "documents") draft = await saveDraftStep(context.db, draft, step, parsed.data as never);
  if (intent === "save") return saveAndReturn(context, lang, draft, step);
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values };
  if (crossErrors) return { errors: crossErrors, values: formValues(formData) };
  if (formData.get("returnTo") === "check") return redirect(stepHref(lang, "check"));
  return redirect(stepHref(lang, next ? next(parsed.data) : ((isStep(step) ? nextStep(step) : null) ?? "check")));
}

/** A question page whose action is only its guard and its step: `export const action = (args) => questionAction(args, {...})`. */
export async function questionAction<T>(
  { request, params, context }: ActionFunctionArgs,
  page: Pick<Parameters<typeof handleStepAction<T>>[0], "step" | "schema" | "crossCheck" | "next">,
): Promise<Response | StepActionResult> {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  return handleStepAction({ formData: await readForm(request), context, lang, draft, ...page });
}
