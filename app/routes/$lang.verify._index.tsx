import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ErrorSummary } from "~/components/error-summary";
import { TooManyTries } from "~/components/too-many-tries";
import { TextField } from "~/components/text-field";
import { parseCertificateNumber } from "~/domain/certificate-number";
import { normalizeVerificationCode } from "~/domain/verification-code";
import { isLang } from "~/i18n";
import { VERIFY_FIELDS, VerifyFormSchema } from "~/schemas/verify";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { CERTIFICATE_VERIFICATIONS, withinLimit } from "~/services/rate-limit.server";
import { notFound } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["verify"], title: (t) => t("verify:title"), description: (t) => t("verify:description") };

type VerifyResult = { errors: FieldErrors | null; values: FormValues; notFound: boolean; limited: boolean };

export function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  return null;
}

/** Nobody types more than this; what is echoed back into the form is cut here too. */
const ECHO_MAX = 64;

/**
 * A well-formed number and code go to the result page (the same page the QR code opens). Anything
 * that cannot be a number or code gets the same "not found" answer as a wrong code, after
 * counting against the same limit, so the form tells a forger nothing the result page would not.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const formData = await readForm(request);
  const values = Object.fromEntries(Object.entries(formValues(formData)).map(([k, v]) => [k, v.slice(0, ECHO_MAX)]));
  const parsed = parseForm(VerifyFormSchema, formData);
  if (!parsed.ok) return data<VerifyResult>({ errors: parsed.errors, values, notFound: false, limited: false }, { status: 400 });
  const number = parseCertificateNumber(parsed.data.number);
  const code = normalizeVerificationCode(parsed.data.code);
  if (number && code) throw redirect(`/${params.lang}/verify/${number}?code=${code}`, 303);
  if (!(await withinLimit(context, CERTIFICATE_VERIFICATIONS)))
    return data<VerifyResult>({ errors: null, values, notFound: false, limited: true }, { status: 429 });
  context.logger.info({ requestId: context.requestId, outcome: "not_found" }, "certificate verification");
  return data<VerifyResult>({ errors: null, values, notFound: true, limited: false }, { headers: { "Cache-Control": "no-store" } });
}

export default function Verify() {
  const { t } = useTranslation("verify");
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const values = result?.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} order={VERIFY_FIELDS} />
      <h1 className="heading-l">{t("title")}</h1>
      {result?.notFound ? (
        <div className="verification verification--not-found" role="alert">
          <h2 className="heading-m">{t("result.notFound.heading")}</h2>
          <p>{t("result.notFound.body")}</p>
        </div>
      ) : null}
      <TooManyTries show={result?.limited} />
      <p className="lead">{t("lead")}</p>
      <p>{t("how")}</p>
      <Form method="post" noValidate>
        <TextField
          name="number"
          label={t("number")}
          hint={t("numberHint")}
          error={errors?.number}
          defaultValue={values.number}
          spellCheck={false}
          autoComplete="off"
          dir="ltr"
        />
        <TextField
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          error={errors?.code}
          defaultValue={values.code}
          spellCheck={false}
          autoComplete="off"
          dir="ltr"
        />
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </Form>
    </>
  );
}
