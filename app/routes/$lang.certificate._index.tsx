import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { CERTIFICATE_VALID_DAYS, FEE_PKR, PROCESSING_WORKING_DAYS } from "~/domain/certificate-journey";
import { isLang } from "~/i18n";
import { countPosterVisit } from "~/models/dashboard.server";
import { createDraft } from "~/models/draft.server";
import { findReferralCenter } from "~/models/referral.server";
import { readDraft, setDraftCookie } from "~/services/draft-session.server";
import { formatRupees } from "~/utils/format";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";

export const handle: RouteHandle = {
  i18n: ["certificate"],
  title: (t) => t("certificate:start.title"),
  description: (t) => t("certificate:start.description"),
};

/**
 * An embassy poster's link carries its referral code (`?ref=ATHENS`) through "Start now". Each
 * opening with a valid code counts one visit for its center and day, and no more than that: no
 * cookie, address or browser is kept, so a reload counts again (decision 042).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const code = new URL(request.url).searchParams.get("ref");
  const center = await findReferralCenter(context.db, code);
  if (center && request.method === "GET") await countPosterVisit(context.db, center);
  return { referralCode: center ? code!.trim().toUpperCase() : null };
}

/**
 * "Start now": a new draft, unless this browser is in the middle of one. A draft already sent is
 * over: the next application (for a relative, or again after a rejection) gets a draft of its own.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const existing = await readDraft(request, context);
  if (existing && !existing.reference) return redirect(`/${params.lang}/certificate/who`);
  const referral = await findReferralCenter(context.db, String((await readForm(request)).get("ref") ?? ""));
  const { key } = await createDraft(context.db, params.lang, referral ? { referral } : {});
  return redirect(`/${params.lang}/certificate/who`, { headers: { "Set-Cookie": await setDraftCookie(context, key) } });
}

export default function CertificateStart() {
  const { t } = useTranslation("certificate");
  const lang = useParams().lang;
  const { referralCode } = useLoaderData<typeof loader>();
  const fee = formatRupees(isLang(lang) ? lang : "en", FEE_PKR);
  return (
    <>
      <h1 className="heading-xl">{t("start.title")}</h1>
      <p className="lead">{t("start.lead")}</p>
      <h2 className="heading-m">{t("start.whoHeading")}</h2>
      <p>{t("start.whoBody")}</p>
      <h2 className="heading-m">{t("start.needHeading")}</h2>
      <ul className="list list--bullet">
        <li>{t("start.need.cnic")}</li>
        <li>{t("start.need.passport")}</li>
        <li>{t("start.need.photo")}</li>
        <li>{t("start.need.addresses")}</li>
      </ul>
      <h2 className="heading-m">{t("start.feeHeading")}</h2>
      <p>{t("start.fee", { fee })}</p>
      <p>{t("start.time", { days: PROCESSING_WORKING_DAYS })}</p>
      <p>{t("start.validity", { days: CERTIFICATE_VALID_DAYS })}</p>
      <p>{t("start.timeToComplete")}</p>
      <Form method="post">
        {referralCode ? <input type="hidden" name="ref" value={referralCode} /> : null}
        <button type="submit" className="button button--start">
          {t("start.startNow")}
        </button>
      </Form>
    </>
  );
}
