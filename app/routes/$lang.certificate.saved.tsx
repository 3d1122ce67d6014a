import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { isLang } from "~/i18n";
import { openDraft } from "~/models/draft.server";
import { clearSavedLink, readSavedLink, setDraftCookie, takeSavedLink } from "~/services/draft-session.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { useNonce } from "~/utils/nonce";
import { notFound } from "~/utils/responses";
import { isSection, stepHref } from "~/services/step-action.server";

export const handle: RouteHandle = { i18n: ["certificate"], title: (t) => t("certificate:resume.title") };

/** Shows the resume link once: reloading or coming back later does not show it again. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const { saved, headers } = await takeSavedLink(request, context);
  if (!saved) throw redirect(`/${params.lang}/certificate`, { headers });
  return data({ link: saved.link, emailed: saved.emailed, expires: formatDate(params.lang, saved.expiresAt) }, { headers });
}

/**
 * "Continue now": this browser takes the draft back with the link's own key, so the link the
 * applicant has just copied or printed still works later (opening it is what spends it).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const saved = await readSavedLink(request, context);
  const headers = new Headers({ "Set-Cookie": await clearSavedLink(context) });
  const draft = saved ? await openDraft(context.db, saved.key) : null;
  if (!saved || !draft || draft.reference || !isSection(saved.section)) throw redirect(`/${params.lang}/certificate`, { headers });
  headers.append("Set-Cookie", await setDraftCookie(context, saved.key));
  throw redirect(stepHref(params.lang, saved.section), { headers });
}

export default function Saved() {
  const { t } = useTranslation("certificate");
  const nonce = useNonce();
  const { link, emailed, expires } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-l">{t("resume.title")}</h1>
      <p>{t("resume.body")}</p>
      <div className="form-group">
        <label className="label" htmlFor="resume-link">
          {t("resume.link")}
        </label>
        <p className="hint no-print" id="resume-link-hint">
          {t("resume.copyHint")}
        </p>
        <input
          className="input no-print"
          type="text"
          id="resume-link"
          value={link}
          readOnly
          dir="ltr"
          aria-describedby="resume-link-hint"
        />
        {/* A field prints only the part that fits in it: paper gets the whole link as text. */}
        <p className="print-only break-anywhere" dir="ltr">
          {link}
        </p>
      </div>
      <p>{t("resume.expires", { date: expires })}</p>
      {emailed ? <p>{t("resume.emailed")}</p> : null}
      <p className="no-print">{t("resume.printHint")}</p>
      <div className="button-group no-print">
        <Form method="post">
          <button type="submit" className="button">
            {t("resume.continueNow")}
          </button>
        </Form>
        <button type="button" className="button button--secondary" data-print-button hidden>
          {t("resume.print")}
        </button>
      </div>
      <script src="/print-button.js" nonce={nonce} defer />
    </>
  );
}
