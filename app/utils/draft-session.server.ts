/**
 * Which draft this browser is working on: its key lives in a session cookie (gone when the browser
 * closes, which matters on a shared phone), never in a URL except the deliberate resume link.
 */
import { type AppLoadContext, redirect } from "@remix-run/node";
import { openDraft, type OpenDraft } from "~/models/draft.server";
import { createSiteCookie, hasSiteCookie } from "./site-cookie.server";

const DRAFT_COOKIE = "pcc_draft";

function draftCookie(context: AppLoadContext) {
  return createSiteCookie(context, DRAFT_COOKIE);
}

/** A short-lived cookie that carries a freshly made resume link to the page that shows it once. */
function savedLinkCookie(context: AppLoadContext) {
  return createSiteCookie(context, "pcc_saved", { maxAge: 300, secrets: [context.sessionSecret] });
}

export async function setDraftCookie(context: AppLoadContext, key: string): Promise<string> {
  return draftCookie(context).serialize(key);
}

export async function clearDraftCookie(context: AppLoadContext): Promise<string> {
  return draftCookie(context).serialize("", { maxAge: 0 });
}

export async function readDraft(request: Request, context: AppLoadContext): Promise<OpenDraft | null> {
  const key = await draftCookie(context).parse(request.headers.get("Cookie"));
  return openDraft(context.db, typeof key === "string" ? key : null);
}

/**
 * The draft still being filled in, or a redirect: to its confirmation once it has been sent (a
 * double click, the back button; never editable again), to the page that explains it has expired,
 * or to the start page.
 */
export async function requireDraft(request: Request, context: AppLoadContext, lang: string): Promise<OpenDraft> {
  const hasCookie = hasSiteCookie(request, context, DRAFT_COOKIE);
  const draft = await readDraft(request, context);
  if (draft?.reference) throw redirect(`/${lang}/certificate/confirmation/${draft.reference}`);
  if (draft) return draft;
  throw redirect(hasCookie ? `/${lang}/certificate/expired` : `/${lang}/certificate`);
}

export type SavedLink = { link: string; emailed: boolean };

export async function setSavedLink(context: AppLoadContext, saved: SavedLink): Promise<string> {
  return savedLinkCookie(context).serialize(saved);
}

export async function takeSavedLink(request: Request, context: AppLoadContext): Promise<{ saved: SavedLink | null; clear: string }> {
  const cookie = savedLinkCookie(context);
  const value: unknown = await cookie.parse(request.headers.get("Cookie"));
  const saved = typeof value === "object" && value !== null && "link" in value && typeof value.link === "string" ? { link: value.link, emailed: "emailed" in value && value.emailed === true } : null;
  return { saved, clear: await cookie.serialize("", { maxAge: 0 }) };
}
