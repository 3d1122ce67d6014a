import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ErrorMessage } from "~/components/error-message";
import { ErrorSummary } from "~/components/error-summary";
import { Radios } from "~/components/radios";
import { LANGUAGE_NAMES, LANGUAGES } from "~/i18n";
import { startAssistedApplication } from "~/models/assisted-application.server";
import { ASSISTED_FIELDS, AssistedApplicationSchema } from "~/schemas/assisted-application";
import { requirePermission, staffActor } from "~/services/auth.server";
import { setDraftCookie } from "~/services/draft-session.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { forbidden, noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:assisted.title") };
export const headers = noStoreHeaders;

/** Only a desk with a center: the application is referred by it, and its desk follows the status. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "assist:application:embassy");
  if (!staff.user.centerSlug) throw forbidden();
  return null;
}

/**
 * Consent given: a new draft for the visitor on this browser (replacing any draft left on it), and
 * on to the application's first question in the visitor's language. The visitor's own email, given
 * in the application, gets the receipt; from then on they track it like anyone else.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "assist:application:embassy");
  const centerSlug = staff.user.centerSlug;
  if (!centerSlug) throw forbidden();
  const form = await readForm(request);
  const parsed = parseForm(AssistedApplicationSchema, form);
  if (!parsed.ok)
    return data<{ errors: FieldErrors; values: FormValues }>({ errors: parsed.errors, values: formValues(form) }, { status: 422 });
  const { key, draftId } = await startAssistedApplication(context.db, {
    centerSlug,
    language: parsed.data.language,
    actor: staffActor(staff),
  });
  context.logger.info({ requestId: context.requestId, outcome: "consented", draftId }, "assisted application started");
  throw redirect(`/${parsed.data.language}/certificate/who`, { headers: { "Set-Cookie": await setDraftCookie(context, key) } });
}

export default function AssistedApplication() {
  const { t } = useTranslation("staff");
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <ErrorSummary errors={errors} order={ASSISTED_FIELDS} />
      <h1 className="heading-l">{t("assisted.title")}</h1>
      <p className="lead">{t("assisted.lead")}</p>
      <Form method="post" noValidate>
        <Radios
          name="language"
          legend={t("assisted.language")}
          hint={t("assisted.languageHint")}
          options={LANGUAGES.map((lang) => ({ value: lang, label: LANGUAGE_NAMES[lang] }))}
          error={errors?.language}
          defaultValue={result?.values.language}
        />
        <h2 className="heading-m">{t("assisted.declarationHeading")}</h2>
        <p className="hint">{t("assisted.declarationHint")}</p>
        <div className="inset-text">
          <p>{t("assisted.declaration1")}</p>
          <p>{t("assisted.declaration2")}</p>
          <p>{t("assisted.declaration3")}</p>
        </div>
        <div className={errors?.consent ? "form-group form-group--error" : "form-group"}>
          <ErrorMessage id="consent-error" error={errors?.consent} />
          <div className="checkbox">
            <input
              type="checkbox"
              id="consent"
              name="consent"
              value="yes"
              aria-describedby={errors?.consent ? "consent-error" : undefined}
            />
            <label htmlFor="consent">{t("assisted.consent")}</label>
          </div>
        </div>
        <button type="submit" className="button">
          {t("assisted.submit")}
        </button>
      </Form>
    </>
  );
}
