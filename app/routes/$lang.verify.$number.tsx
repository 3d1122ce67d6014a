import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { CertificateCard } from "~/components/certificate-card";
import { isLang } from "~/i18n";
import { verifyCertificate } from "~/models/certificate-verification.server";
import { describeCertificate } from "~/pdf/certificate-view.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { getI18n } from "~/utils/i18n.server";
import { CERTIFICATE_VERIFICATIONS, withinLimit } from "~/services/rate-limit.server";
import { notFound } from "~/utils/responses";

type Answer = "valid" | "expired" | "revoked" | "notFound" | "limited";

export const handle: RouteHandle = {
  i18n: ["verify"],
  title: (t, loaded) => {
    const answer = (loaded as { answer?: Answer } | undefined)?.answer;
    return answer && answer !== "limited" ? t(`verify:result.${answer}.heading`) : t("verify:resultTitle");
  },
};

// The code is in the URL (that is what the QR code holds): never cached, never indexed.
const PRIVATE = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" };

/**
 * The answer to one check, in the reader's language: valid, expired or revoked (with the date),
 * with the certificate as issued; or "not found", identical for an unknown number, a wrong code, a
 * number of another center and input that is no number at all.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const code = new URL(request.url).searchParams.get("code") ?? "";
  if (!(await withinLimit(context, CERTIFICATE_VERIFICATIONS)))
    return data({ answer: "limited" as Answer, date: null, certificate: null }, { status: 429, headers: PRIVATE });
  const result = await verifyCertificate(context.db, context.documentKey, params.number ?? "", code);
  context.logger.info({ requestId: context.requestId, outcome: result.found ? result.state : "not_found" }, "certificate verification");
  if (!result.found) return data({ answer: "notFound" as Answer, date: null, certificate: null }, { headers: PRIVATE });
  const { t } = getI18n(lang);
  const { content } = result;
  const date = formatDate(lang, result.state === "revoked" ? result.revokedAt! : content.expiresAt);
  return data(
    {
      answer: result.state as Answer,
      date,
      certificate: {
        number: content.number,
        view: describeCertificate(lang, content),
        photo: result.hasPhoto
          ? {
              src: `/${lang}/verify/${content.number}/photo?code=${encodeURIComponent(code)}`,
              alt: t("verify:result.photoAlt", { name: content.fullName }),
            }
          : null,
      },
    },
    { headers: PRIVATE },
  );
}

export default function VerificationResult() {
  const { t } = useTranslation("verify");
  const { lang } = useParams();
  const { answer, date, certificate } = useLoaderData<typeof loader>();
  if (answer === "limited") {
    return (
      <>
        <h1 className="heading-l">{t("errors.tooManyRequests.title", { ns: "common" })}</h1>
        <p>{t("errors.tooManyRequests.body", { ns: "common" })}</p>
      </>
    );
  }
  return (
    <>
      <div className={`verification verification--${answer === "notFound" ? "not-found" : answer}`}>
        <h1 className="heading-l">{t(`result.${answer}.heading`)}</h1>
        <p className="verification__body">{t(`result.${answer}.body`, { date: date ?? "" })}</p>
      </div>
      {certificate ? (
        <section aria-labelledby="certificate-heading">
          <h2 className="heading-m" id="certificate-heading">
            {t("result.asIssued")}
          </h2>
          <p>{t("result.compare")}</p>
          <CertificateCard view={certificate.view} number={certificate.number} photo={certificate.photo} />
        </section>
      ) : null}
      <p>
        <a href={`/${lang}/verify`}>{t("checkAnother")}</a>
      </p>
    </>
  );
}
