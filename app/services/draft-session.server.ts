/**
 * Which draft this browser is working on: its key lives in a session cookie (gone when the browser
 * closes, which matters on a shared phone), never in a URL except the deliberate resume link.
 */
import { type AppLoadContext, redirect } from "@remix-run/node";
import { openDraft, type OpenDraft } from "~/models/draft.server";
import { createSiteCookie, hasSiteCookie } from "~/utils/site-cookie.server";

const DRAFT_COOKIE = "pcc_draft";

function draftCookie(context: AppLoadContext) {
  return createSiteCookie(context, DRAFT_COOKIE);
}

/**
 * A short-lived, signed cookie that carries a freshly made resume link to the page that shows it
 * once, and lets that page's "Continue now" reopen the draft in this browser without spending the
 * link the applicant has just written down. Signed, so a form on another site cannot plant someone
 * else's draft here (the resume link avoids that by rotating the secret; this must not rotate).
 */
function savedLinkCookie(context: AppLoadContext) {
  return createSiteCookie(context, "pcc_saved", { secrets: [context.sessionSecret] });
}
/** Long enough to copy or print the link, short enough that a shared phone soon forgets the draft. */
const SAVED_LINK_SECONDS = 15 * 60;

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

/** `key` is the resume link's own key; `section` the page the applicant saved from. */
export type SavedLink = { link: string; key: string; section: string; expiresAt: string; emailed: boolean; shown: boolean };

export async function setSavedLink(context: AppLoadContext, saved: SavedLink): Promise<string> {
  return savedLinkCookie(context).serialize(saved, { maxAge: SAVED_LINK_SECONDS });
}

function isSavedLink(value: unknown): value is SavedLink {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    ["link", "key", "section", "expiresAt"].every((k) => typeof v[k] === "string") &&
    typeof v.emailed === "boolean" &&
    typeof v.shown === "boolean"
  );
}

export async function readSavedLink(request: Request, context: AppLoadContext): Promise<SavedLink | null> {
  const value: unknown = await savedLinkCookie(context).parse(request.headers.get("Cookie"));
  return isSavedLink(value) ? value : null;
}

/**
 * The link to show, once: the cookie stays (marked shown) for "Continue now", but reloading the
 * page or coming back to it later shows the link no more.
 */
export async function takeSavedLink(request: Request, context: AppLoadContext): Promise<{ saved: SavedLink | null; headers: Headers }> {
  const saved = await readSavedLink(request, context);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (saved && !saved.shown) {
    headers.append("Set-Cookie", await setSavedLink(context, { ...saved, shown: true }));
    return { saved, headers };
  }
  headers.append("Set-Cookie", await clearSavedLink(context));
  return { saved: null, headers };
}

export async function clearSavedLink(context: AppLoadContext): Promise<string> {
  return savedLinkCookie(context).serialize("", { maxAge: 0 });
}
