import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { DateInput, dateParts } from "~/components/date-input";
import { ErrorSummary } from "~/components/error-summary";
import { RemovableRows } from "~/components/removable-rows";
import { TextField } from "~/components/text-field";
import { pakistanDate, SLA_WORKING_DAYS } from "~/domain/sla";
import { addHoliday, listHolidays, removeHoliday } from "~/models/holiday.server";
import { ISO_DATE_PATTERN } from "~/schemas/date";
import { HOLIDAY_FIELDS, HolidayDaySchema, HolidayIntentSchema, holidaySchema } from "~/schemas/holiday";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import { formatDate, formatDay } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:holidays.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:center:any");
  const lang = requestLanguage(request);
  const url = new URL(request.url);
  const done = (name: string) => {
    const day = url.searchParams.get(name);
    return day && ISO_DATE_PATTERN.test(day) ? formatDate(lang, day) : null;
  };
  const holidays = await listHolidays(context.db, pakistanDate(new Date()));
  return {
    backHref: staffPath(request, "/staff"),
    added: done("added"),
    removed: done("removed"),
    holidays: holidays.map((h) => ({ day: h.day, name: h.name, date: formatDay(lang, h.day) })),
  };
}

type AddResult = { errors: FieldErrors; values: FormValues };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "manage:center:any");
  const formData = await readForm(request);
  const here = staffPath(request, "/staff/admin/holidays");
  // Only a hand-made request lacks a known intent or a well-formed day: back to the list.
  const intent = parseForm(HolidayIntentSchema, formData);
  if (!intent.ok) throw redirect(here);
  if (intent.data.intent === "remove") {
    const target = parseForm(HolidayDaySchema, formData);
    if (!target.ok) throw redirect(here);
    const removed = await removeHoliday(context.db, { day: target.data.day, actor: staffActor(staff) });
    context.logger.info({ requestId: context.requestId, outcome: removed ? "removed" : "not_found" }, "holiday removal");
    throw redirect(staffPath(request, "/staff/admin/holidays", { removed: target.data.day }));
  }
  const parsed = parseForm(holidaySchema(pakistanDate(new Date())), formData);
  if (!parsed.ok) return data<AddResult>({ errors: parsed.errors, values: parsed.values }, { status: 422 });
  const result = await addHoliday(context.db, { ...parsed.data, actor: staffActor(staff) });
  context.logger.info({ requestId: context.requestId, outcome: result.ok ? "added" : result.problem }, "holiday addition");
  if (!result.ok) {
    return data<AddResult>({ errors: { date: "staff:validation.holidayExists" }, values: formValues(formData) }, { status: 422 });
  }
  throw redirect(staffPath(request, "/staff/admin/holidays", { added: parsed.data.day }));
}

export default function Holidays() {
  const { t } = useTranslation("staff");
  const { backHref, added, removed, holidays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values: FormValues = result?.values ?? {};
  return (
    <>
      <BackLink href={backHref} />
      <ErrorSummary errors={errors} order={HOLIDAY_FIELDS} />
      {added || removed ? (
        <div className="notice notice--success" role="status">
          <p>{added ? t("holidays.added", { date: added }) : t("holidays.removed", { date: removed })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("holidays.title")}</h1>
      <p>{t("holidays.intro", { days: SLA_WORKING_DAYS })}</p>
      <h2 className="heading-m">{t("holidays.upcoming")}</h2>
      <RemovableRows
        caption={t("holidays.upcoming")}
        columns={[t("holidays.date"), t("holidays.name")]}
        actionsLabel={t("holidays.actions")}
        removeText={t("holidays.remove")}
        emptyText={t("holidays.none")}
        rows={holidays.map((h) => ({
          key: h.day,
          cells: [h.date, h.name],
          field: { name: "day", value: h.day },
          removeLabel: t("holidays.removeLabel", { name: h.name, date: h.date }),
        }))}
      />
      <h2 className="heading-m">{t("holidays.addTitle")}</h2>
      <Form method="post" noValidate>
        <DateInput
          name="date"
          legend={t("holidays.date")}
          hint={t("holidays.dateHint")}
          error={errors?.date}
          values={dateParts(values, "date")}
        />
        <TextField
          name="name"
          label={t("holidays.name")}
          hint={t("holidays.nameHint")}
          autoComplete="off"
          error={errors?.name}
          defaultValue={values.name}
        />
        <button type="submit" className="button" name="intent" value="add">
          {t("holidays.add")}
        </button>
      </Form>
    </>
  );
}
