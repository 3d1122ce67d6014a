import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorMessage } from "~/components/error-message";
import { ErrorSummary } from "~/components/error-summary";
import { LegalFactFields } from "~/components/legal-fact-fields";
import { LEGAL_FACT_DESTINATIONS } from "~/domain/legal-fact";
import { pakistanDate } from "~/domain/sla";
import { confirmLegalFact, findLegalFact, type LegalFact, updateLegalFact } from "~/models/legal-fact.server";
import { LEGAL_FACT_FIELDS, LegalFactKeySchema, legalFactSchema } from "~/schemas/legal-fact";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import { countryName, formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders, notFound } from "~/utils/responses";

export const handle: RouteHandle = {
  i18n: ["staff"],
  title: (t, data) => t("staff:legalFacts.editTitle", { key: (data as { key?: string } | undefined)?.key ?? "" }),
};
export const headers = noStoreHeaders;

const INTENTS = ["save", "confirm"] as const;

async function findFact(context: LoaderFunctionArgs["context"], key: string | undefined): Promise<LegalFact> {
  const parsedKey = LegalFactKeySchema.safeParse(key);
  const fact = parsedKey.success ? await findLegalFact(context.db, parsedKey.data) : null;
  if (!fact) throw notFound();
  return fact;
}

/** The stored fact as the form's values, its checked-on date split into the three date fields. */
function storedValues(fact: LegalFact): FormValues {
  const [year = "", month = "", day = ""] = fact.checkedOn?.split("-") ?? [];
  return {
    destination: fact.destination,
    kind: fact.kind,
    value: fact.value,
    labelUr: fact.labels.ur,
    labelEn: fact.labels.en,
    labelEl: fact.labels.el,
    labelIt: fact.labels.it,
    source: fact.source,
    checkedOnDay: day ? String(Number(day)) : "",
    checkedOnMonth: month ? String(Number(month)) : "",
    checkedOnYear: year,
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:center:any");
  const fact = await findFact(context, params.key);
  const lang = requestLanguage(request);
  return {
    backHref: staffPath(request, "/staff/admin/legal-migration"),
    key: fact.key,
    destinations: LEGAL_FACT_DESTINATIONS.map((code) => ({ value: code, label: countryName(lang, code) })),
    confirmed: fact.confirmedAt ? formatDate(lang, fact.confirmedAt) : null,
    confirmedNow: new URL(request.url).searchParams.get("confirmed") === "1",
    values: storedValues(fact),
  };
}

type FactResult = { errors: FieldErrors; values: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "manage:center:any");
  const fact = await findFact(context, params.key);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  // Only a hand-made request lacks a known intent: back to the form.
  if (!(INTENTS as readonly unknown[]).includes(intent)) throw redirect(staffPath(request, `/staff/admin/legal-migration/${fact.key}`));
  if (intent === "confirm") {
    const confirmed = await confirmLegalFact(context.db, { key: fact.key, actor: staffActor(staff) });
    context.logger.info(
      { requestId: context.requestId, outcome: confirmed.ok ? "confirmed" : confirmed.problem },
      "legal fact confirmation",
    );
    if (!confirmed.ok) {
      if (confirmed.problem === "not_found") throw notFound();
      return data<FactResult>({ errors: { confirm: "staff:validation.legalNotChecked" }, values: storedValues(fact) }, { status: 422 });
    }
    throw redirect(staffPath(request, `/staff/admin/legal-migration/${fact.key}`, { confirmed: "1" }));
  }
  const parsed = parseForm(legalFactSchema(pakistanDate(new Date()), { withKey: false }), formData);
  if (!parsed.ok) return data<FactResult>({ errors: parsed.errors, values: formValues(formData) }, { status: 422 });
  const result = await updateLegalFact(context.db, { ...parsed.data, key: fact.key, actor: staffActor(staff) });
  context.logger.info({ requestId: context.requestId, outcome: result.ok ? "saved" : result.problem }, "legal fact edit");
  if (!result.ok) throw notFound();
  throw redirect(staffPath(request, "/staff/admin/legal-migration", { saved: fact.key }));
}

export default function EditLegalFact() {
  const { t } = useTranslation("staff");
  const loaded = useActionData<typeof action>();
  const page = useLoaderData<typeof loader>();
  const errors = loaded?.errors;
  const values = loaded?.values ?? page.values;
  return (
    <>
      <BackLink href={page.backHref} />
      <ErrorSummary errors={errors} order={LEGAL_FACT_FIELDS} />
      <h1 className="heading-l">{t("legalFacts.editTitle", { key: page.key })}</h1>
      {page.confirmedNow ? (
        <div className="notice notice--success" role="status">
          <p>{t("legalFacts.confirmedSaved")}</p>
        </div>
      ) : null}
      <Form method="post" noValidate>
        <LegalFactFields withKey={false} destinations={page.destinations} errors={errors} values={values} />
        <button type="submit" className="button" name="intent" value="save">
          {t("legalFacts.submit")}
        </button>
      </Form>
      <section aria-labelledby="confirm-heading">
        <h2 className="heading-m" id="confirm-heading">
          {t("legalFacts.confirmHeading")}
        </h2>
        <p>{page.confirmed ? t("legalFacts.confirmedOn", { date: page.confirmed }) : t("legalFacts.notConfirmed")}</p>
        <p className="hint">{t("legalFacts.confirmHint")}</p>
        <Form method="post" noValidate>
          <div className={errors?.confirm ? "form-group form-group--error" : "form-group"} id="confirm">
            <ErrorMessage id="confirm-error" error={errors?.confirm} />
            <button type="submit" className="button button--secondary" name="intent" value="confirm">
              {t("legalFacts.confirm")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
