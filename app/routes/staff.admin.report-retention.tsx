import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/text-field";
import { reportRetentionYears, RETENTION_YEARS_RANGE, setReportRetentionYears } from "~/models/report-retention.server";
import { RETENTION_FIELDS, RetentionSchema } from "~/schemas/report-retention";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:retention.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:center:any");
  return {
    backHref: staffPath(request, "/staff"),
    years: await reportRetentionYears(context.db),
    saved: new URL(request.url).searchParams.get("saved") === "1",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "manage:center:any");
  const parsed = parseForm(RetentionSchema, await readForm(request));
  if (!parsed.ok)
    return data<{ errors: FieldErrors; values: FormValues }>({ errors: parsed.errors, values: parsed.values }, { status: 422 });
  await setReportRetentionYears(context.db, parsed.data.years, staffActor(staff));
  context.logger.info({ requestId: context.requestId, outcome: "saved" }, "report retention change");
  throw redirect(staffPath(request, "/staff/admin/report-retention", { saved: "1" }));
}

export default function ReportRetention() {
  const { t } = useTranslation("staff");
  const { backHref, years, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <BackLink href={backHref} />
      <ErrorSummary errors={result?.errors} order={RETENTION_FIELDS} />
      {saved ? (
        <div className="notice notice--success" role="status">
          <p>{t("retention.saved", { count: years })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("retention.title")}</h1>
      <p>{t("retention.intro")}</p>
      <Form method="post" noValidate>
        <TextField
          name="years"
          label={t("retention.years")}
          hint={t("retention.yearsHint", RETENTION_YEARS_RANGE)}
          inputMode="numeric"
          autoComplete="off"
          error={result?.errors?.years}
          defaultValue={result?.values?.years ?? String(years)}
        />
        <button type="submit" className="button">
          {t("retention.save")}
        </button>
      </Form>
    </>
  );
}
