import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseReference } from "~/domain/reference";
import { listReferredApplications } from "~/models/referral.server";
import { noStoreHeaders, requirePermission } from "~/services/auth.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { forbidden } from "~/utils/responses";
import { ScrollableTable } from "~/components/scrollable-table";

export const handle: RouteHandle = { i18n: ["cases", "track"], title: (t) => t("cases:referrals.title") };
export const headers = noStoreHeaders;

/** The embassy desk's view: where each referred application stands, and nothing of its content. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "read:case-status:embassy");
  if (!staff.user.centerSlug) throw forbidden();
  const lang = requestLanguage(request);
  const typed = new URL(request.url).searchParams.get("reference")?.trim() ?? "";
  const reference = typed ? parseReference(typed, "application") : null;
  const rows = typed && !reference ? [] : await listReferredApplications(context.db, staff.user.centerSlug, { reference });
  return {
    typed,
    invalid: Boolean(typed && !reference),
    rows: rows.map((r) => ({ ...r, submitted: formatDate(lang, r.submittedAt), changed: formatDate(lang, r.statusChangedAt) })),
  };
}

export default function Referrals() {
  const { t } = useTranslation("cases");
  const { typed, invalid, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-l">{t("referrals.title")}</h1>
      <p>{t("referrals.lead")}</p>
      <Form method="get">
        <div className={invalid ? "form-group form-group--error" : "form-group"}>
          <label className="label" htmlFor="reference">
            {t("referrals.search")}
          </label>
          {invalid ? (
            <p className="error-message" id="reference-error">
              {t("referrals.invalidReference")}
            </p>
          ) : null}
          <input
            className="input"
            id="reference"
            name="reference"
            defaultValue={typed}
            dir="ltr"
            spellCheck={false}
            aria-describedby={invalid ? "reference-error" : undefined}
            aria-invalid={invalid || undefined}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t("referrals.find")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{t("referrals.empty")}</p>
      ) : (
        <ScrollableTable caption={t("referrals.title")}>
          <thead>
            <tr>
              <th scope="col">{t("referrals.reference")}</th>
              <th scope="col">{t("referrals.status")}</th>
              <th scope="col">{t("referrals.submitted")}</th>
              <th scope="col">{t("referrals.changed")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.reference}>
                <td dir="ltr">{r.reference}</td>
                <td>{t(`track:status.${r.status}.label`)}</td>
                <td>{r.submitted}</td>
                <td>{r.changed}</td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      )}
    </>
  );
}
