import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { isCenterSlug } from "~/domain/center-page";
import { isLang, type Lang } from "~/i18n";
import { findActiveCenter } from "~/models/center.server";
import { posterLanguage, posterTarget } from "~/pdf/poster-pdf.server";
import type { RouteHandle } from "~/utils/handle";
import { getI18n } from "~/utils/i18n.server";
import { notFound } from "~/utils/responses";

/**
 * A mission's poster as a page to print from the browser (the PDF beside it is the same poster):
 * the country's language and Urdu side by side, each with its QR code as inline SVG. On paper
 * only the poster prints; on screen the page says how to print it.
 */
export const handle: RouteHandle = {
  i18n: ["centers"],
  // The Urdu column needs the Nastaliq font on pages in other languages too.
  showsTypedText: true,
  title: (t, data) => t("centers:poster.pageTitle", { name: (data as { name?: string } | undefined)?.name ?? "" }),
};

type Column = {
  lang: Lang;
  title: string;
  lead: string;
  steps: string[];
  orType: string;
  target: string;
  qrSvg: string;
  name: string;
  warning: string;
  reportUrl: string;
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang) || !isCenterSlug(params.slug)) throw notFound();
  const center = await findActiveCenter(context.db, params.slug, params.lang);
  if (!center || center.kind === "service_center" || !center.referralCode) throw notFound();
  const back = `/${params.lang}/centers/${center.slug}`;
  if (!center.details) return data({ name: center.name, back, pdf: null, columns: null }, { status: 409 });
  const { default: QRCode } = await import("qrcode");
  const publicUrl = context.env.PUBLIC_URL;
  const code = center.referralCode;
  const column = async (lang: Lang): Promise<Column> => {
    const { t } = getI18n(lang);
    const target = posterTarget(publicUrl, lang, code);
    return {
      lang,
      title: t("centers:poster.title"),
      lead: t("centers:poster.lead"),
      steps: [t("centers:poster.step1"), t("centers:poster.step2"), t("centers:poster.step3")],
      orType: t("centers:poster.orType"),
      target,
      qrSvg: await QRCode.toString(target, { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
      name: center.names[lang],
      warning: t("centers:poster.warning"),
      reportUrl: `${publicUrl}/${lang}/report`,
    };
  };
  return {
    name: center.name,
    back,
    pdf: `/${params.lang}/centers/${center.slug}/poster.pdf`,
    columns: [await column(posterLanguage(center.countryCode)), await column("ur")],
  };
}

export default function PosterPage() {
  const { t } = useTranslation("centers");
  const { name, back, pdf, columns } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <BackLink href={back} />
        <h1 className="heading-l">{t("poster.pageTitle", { name })}</h1>
        {columns ? (
          <>
            <p>{t("poster.printHint")}</p>
            {pdf ? (
              <p>
                <a href={pdf} download>
                  {t("poster.pdf")}
                </a>
              </p>
            ) : null}
          </>
        ) : (
          <p className="error-message" role="alert">
            {t("poster.notConfirmed")}
          </p>
        )}
      </div>
      {columns ? (
        <article className="poster" aria-label={t("poster.heading")}>
          {columns.map((column) => (
            <section key={column.lang} lang={column.lang} dir={column.lang === "ur" ? "rtl" : "ltr"} className="poster__column">
              <h2 className="poster__title">{column.title}</h2>
              <p>{column.lead}</p>
              <ol className="poster__steps">
                {column.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
              {/* The QR code is drawn by the server: an SVG of squares, no script and no image request. */}
              <div className="poster__qr" role="img" aria-label={column.target} dangerouslySetInnerHTML={{ __html: column.qrSvg }} />
              <p className="poster__address">
                {column.orType}{" "}
                <bdi dir="ltr">
                  <strong>{column.target}</strong>
                </bdi>
              </p>
              <p className="poster__foot">
                <strong>{column.name}</strong>
                <br />
                {column.warning} <bdi dir="ltr">{column.reportUrl}</bdi>
              </p>
            </section>
          ))}
        </article>
      ) : null}
    </>
  );
}
