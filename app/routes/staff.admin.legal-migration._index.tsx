import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { LegalFactFields } from "~/components/legal-fact-fields";
import { ScrollableTable } from "~/components/scrollable-table";
import { LEGAL_FACT_DESTINATIONS } from "~/domain/legal-fact";
import { pakistanDate } from "~/domain/sla";
import { addLegalFact, listLegalFacts } from "~/models/legal-fact.server";
import { LEGAL_FACT_FIELDS, legalFactSchema } from "~/schemas/legal-fact";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import { countryName } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:legalFacts.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:center:any");
  const lang = requestLanguage(request);
  const facts = await listLegalFacts(context.db);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    backHref: staffPath(request, "/staff"),
    publicHref: `/${lang}/legal-migration`,
    added: new URL(request.url).searchParams.get("done") === "added",
    saved: facts.some((f) => f.key === saved) ? saved : null,
    destinations: LEGAL_FACT_DESTINATIONS.map((code) => ({ value: code, label: countryName(lang, code) })),
    facts: facts.map((f) => ({
      key: f.key,
      label: f.labels[lang],
      country: countryName(lang, f.destination),
      kind: f.kind,
      value: f.value,
      confirmed: f.confirmedAt !== null,
      href: staffPath(request, `/staff/admin/legal-migration/${f.key}`),
    })),
  };
}

type AddResult = { errors: FieldErrors; values: FormValues };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "manage:center:any");
  const formData = await readForm(request);
  const parsed = parseForm(legalFactSchema(pakistanDate(new Date()), { withKey: true }), formData);
  if (!parsed.ok) return data<AddResult>({ errors: parsed.errors, values: parsed.values }, { status: 422 });
  const result = await addLegalFact(context.db, { ...parsed.data, actor: staffActor(staff) });
  context.logger.info({ requestId: context.requestId, outcome: result.ok ? "added" : result.problem }, "legal fact addition");
  if (!result.ok) {
    return data<AddResult>({ errors: { key: "staff:validation.legalKeyTaken" }, values: formValues(formData) }, { status: 422 });
  }
  throw redirect(staffPath(request, "/staff/admin/legal-migration", { done: "added" }));
}

export default function LegalFacts() {
  const { t } = useTranslation("staff");
  const { backHref, publicHref, added, saved, destinations, facts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <BackLink href={backHref} />
      <ErrorSummary errors={errors} order={LEGAL_FACT_FIELDS} />
      {added || saved ? (
        <div className="notice notice--success" role="status">
          <p>{added ? t("legalFacts.added") : t("legalFacts.saved", { key: saved })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("legalFacts.title")}</h1>
      <p>{t("legalFacts.intro")}</p>
      <p>
        <a href={publicHref}>{t("legalFacts.publicPage")}</a>
      </p>
      <h2 className="heading-m">{t("legalFacts.listed")}</h2>
      {facts.length === 0 ? (
        <p>{t("legalFacts.none")}</p>
      ) : (
        <ScrollableTable caption={t("legalFacts.listed")}>
          <thead>
            <tr>
              <th scope="col">{t("legalFacts.columns.fact")}</th>
              <th scope="col">{t("legalFacts.columns.destination")}</th>
              <th scope="col">{t("legalFacts.columns.kind")}</th>
              <th scope="col">{t("legalFacts.columns.value")}</th>
              <th scope="col">{t("legalFacts.columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {facts.map((f) => (
              <tr key={f.key}>
                <td>
                  <a href={f.href}>
                    <bdi>{f.label}</bdi>
                  </a>
                  <br />
                  <span className="hint" dir="ltr">
                    {f.key}
                  </span>
                </td>
                <td>{f.country}</td>
                <td>{t(`legalFacts.kinds.${f.kind}`)}</td>
                <td>
                  <bdi dir="ltr">{f.value}</bdi>
                </td>
                <td>
                  <strong className={f.confirmed ? "tag tag--green" : "tag tag--grey"}>
                    {f.confirmed ? t("legalFacts.confirmed") : t("legalFacts.unconfirmed")}
                  </strong>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      )}
      <h2 className="heading-m">{t("legalFacts.addTitle")}</h2>
      <Form method="post" noValidate>
        <LegalFactFields withKey destinations={destinations} errors={errors} values={result?.values ?? {}} />
        <button type="submit" className="button">
          {t("legalFacts.add")}
        </button>
      </Form>
    </>
  );
}
