import { data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { firstUnanswered, type Step, STEPS } from "~/domain/certificate-journey";
import { isLang } from "~/i18n";
import { redeemResumeKey } from "~/models/draft.server";
import { missingDocuments } from "~/services/documents-step.server";
import { readAnswers } from "~/schemas/certificate";
import { setDraftCookie } from "~/services/draft-session.server";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";
import { StartAgain } from "~/components/start-again";

export const handle: RouteHandle = { i18n: ["certificate"], title: (t) => t("certificate:resume.invalidTitle") };

/**
 * The resume link: opens the draft on this browser, once, and goes to the first page still to
 * answer. The browser's cookie gets a fresh secret; the link itself is spent (nothing is mailed).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const redeemed = await redeemResumeKey(context.db, new URL(request.url).searchParams.get("key"));
  if (!redeemed) return data(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  const { draft, key } = redeemed;
  const gateway = readAnswers(draft.answers);
  const missingGateway = gateway.complete ? undefined : gateway.missing.find((m) => m === "who" || m === "authority");
  const answered = new Set(STEPS.filter((s) => s !== "documents" && draft.answers[s] !== undefined) as Step[]);
  if ((await missingDocuments(context.db, draft.id)).length === 0) answered.add("documents");
  const next = missingGateway ?? firstUnanswered({ answered }) ?? "check";
  throw redirect(`/${lang}/certificate/${next}`, {
    headers: { "Set-Cookie": await setDraftCookie(context, key), "Cache-Control": "no-store" },
  });
}

export default function ResumeInvalid() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  return (
    <>
      <h1 className="heading-l">{t("resume.invalidTitle")}</h1>
      <p>{t("resume.invalidBody")}</p>
      <StartAgain lang={lang} />
    </>
  );
}
