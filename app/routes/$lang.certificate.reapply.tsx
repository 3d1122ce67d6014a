import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { DateInput, dateParts } from "~/components/date-input";
import { ErrorSummary } from "~/components/error-summary";
import { isLang } from "~/i18n";
import { findReapply, redeemReapply } from "~/models/certificate-reminders.server";
import { ReapplySchema } from "~/schemas/verify";
import { setDraftCookie } from "~/services/draft-session.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { REAPPLY_CONFIRMATIONS, withinLimit } from "~/services/rate-limit.server";
import { notFound } from "~/utils/responses";

export const handle: RouteHandle = {
  i18n: ["certificate", "validation"],
  title: (t, loaded) =>
    (loaded as { valid?: boolean } | undefined)?.valid === false ? t("certificate:reapply.invalidTitle") : t("certificate:reapply.title"),
};

/**
 * The expiry reminder's link. The answers of the last application fill a new draft only once the
 * holder confirms their date of birth (a forwarded or leaked link alone opens nothing), and the
 * link then stops working; the journey goes on from the first page with everything filled in.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const found = await findReapply(context.db, token);
  return data(
    { valid: Boolean(found), token: found ? token : "" },
    { status: found ? 200 : 404, headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } },
  );
}

type ReapplyResult = { errors: FieldErrors; values: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Response | ReapplyResult> {
  if (!isLang(params.lang)) throw notFound();
  const formData = await readForm(request);
  const values = formValues(formData);
  const parsed = parseForm(ReapplySchema, formData);
  if (!parsed.ok) return { errors: parsed.errors, values };
  if (!(await withinLimit(context, REAPPLY_CONFIRMATIONS))) return { errors: { dateOfBirth: "certificate:reapply.tooMany" }, values };
  const redeemed = await redeemReapply(context.db, {
    token: parsed.data.token,
    dateOfBirth: parsed.data.dateOfBirth,
    language: params.lang,
  });
  context.logger.info({ requestId: context.requestId, outcome: redeemed ? "draft_created" : "no_match" }, "reapply confirmation");
  if (!redeemed) return { errors: { dateOfBirth: "certificate:reapply.noMatch" }, values };
  return redirect(`/${params.lang}/certificate/who`, { headers: { "Set-Cookie": await setDraftCookie(context, redeemed.draftKey) } });
}

export default function Reapply() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { valid, token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!valid) {
    return (
      <>
        <h1 className="heading-l">{t("reapply.invalidTitle")}</h1>
        <p>{t("reapply.invalidBody")}</p>
        <form method="post" action={`/${lang}/certificate`}>
          <button type="submit" className="button">
            {t("expired.startAgain")}
          </button>
        </form>
      </>
    );
  }
  const values = result?.values ?? {};
  return (
    <>
      <ErrorSummary errors={result?.errors} order={["dateOfBirth"]} />
      <h1 className="heading-l">{t("reapply.title")}</h1>
      <p className="lead">{t("reapply.lead")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="token" value={token} />
        <DateInput
          name="dateOfBirth"
          legend={t("reapply.confirm")}
          hint={t("personal.dateOfBirthHint")}
          error={result?.errors.dateOfBirth}
          values={dateParts(values, "dateOfBirth")}
        />
        <button type="submit" className="button">
          {t("reapply.submit")}
        </button>
      </Form>
    </>
  );
}
