import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorMessage } from "~/components/error-message";
import { ErrorSummary } from "~/components/error-summary";
import { Checkboxes, Radios } from "~/components/radios";
import { WeeklyHoursFields } from "~/components/weekly-hours-fields";
import { EmailField, TextField } from "~/components/text-field";
import { CENTER_SERVICES, SPOKEN_LANGUAGES } from "~/domain/center-page";
import { parsePhone } from "~/domain/phone";
import { confirmCenterDetails, findCenter, updateCenter } from "~/models/center.server";
import { CENTER_FIELDS, CenterSchema, readCenterForm } from "~/schemas/center";
import { hoursFormValues, parseHoursForm } from "~/schemas/center-hours";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import { countryName, formatDate, languageName, weekdayName } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { isLang } from "~/i18n";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders, notFound } from "~/utils/responses";

export const handle: RouteHandle = {
  i18n: ["staff", "centers"],
  title: (t, data) => t("staff:center.title", { name: (data as { name?: string } | undefined)?.name ?? "" }),
};
export const headers = noStoreHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:center:any");
  const center = await findCenter(context.db, params.slug ?? "");
  if (!center) throw notFound();
  const lang = requestLanguage(request);
  return {
    backHref: staffPath(request, "/staff/admin/centers"),
    name: center.names[lang],
    kind: center.kind,
    country: countryName(lang, center.countryCode),
    confirmed: center.detailsConfirmedAt ? formatDate(lang, center.detailsConfirmedAt) : null,
    confirmedNow: new URL(request.url).searchParams.get("confirmed") === "1",
    values: {
      nameEn: center.names.en,
      nameUr: center.names.ur,
      nameEl: center.names.el,
      nameIt: center.names.it,
      address: center.address ?? "",
      ...hoursFormValues(center.weeklyHours),
      phone: center.phone ?? "",
      email: center.email ?? "",
      services: center.services.join(","),
      languages: center.languages.join(","),
      latitude: center.latitude === null ? "" : String(center.latitude),
      longitude: center.longitude === null ? "" : String(center.longitude),
      referralCode: center.referralCode ?? "",
      active: center.active ? "yes" : "no",
    } satisfies FormValues,
  };
}

type CenterResult = { errors: FieldErrors; values: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "manage:center:any");
  const center = await findCenter(context.db, params.slug ?? "");
  if (!center) throw notFound();
  const formData = await readForm(request);
  if (formData.get("intent") === "confirm") {
    const confirmed = await confirmCenterDetails(context.db, { slug: center.slug, actor: staffActor(staff) });
    context.logger.info(
      { requestId: context.requestId, outcome: confirmed.ok ? "confirmed" : confirmed.problem },
      "center details confirmation",
    );
    if (!confirmed.ok) {
      if (confirmed.problem === "not_found") throw notFound();
      return data<CenterResult>(
        { errors: { confirm: "staff:validation.nothingToConfirm" }, values: formValues(formData) },
        { status: 422 },
      );
    }
    throw redirect(staffPath(request, `/staff/admin/centers/${center.slug}`, { confirmed: "1" }));
  }
  const joined = readCenterForm(formData);
  const values = formValues(joined);
  const parsed = parseForm(CenterSchema, joined);
  const lang = requestLanguage(request);
  const hours = parseHoursForm(values, (day) => weekdayName(lang, day));
  // The phone number is checked against the center's own country, even when another field failed.
  const phone = values.phone?.trim() ? parsePhone(values.phone, center.countryCode) : null;
  const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...(hours.ok ? {} : hours.errors) };
  if (phone && !phone.ok) errors.phone = "staff:validation.phoneFormat";
  if (center.kind === "service_center" && values.referralCode?.trim()) errors.referralCode = "staff:validation.referralNotAllowed";
  if (!parsed.ok || !hours.ok || Object.keys(errors).length > 0) return data<CenterResult>({ errors, values }, { status: 422 });

  const form = parsed.data;
  const result = await updateCenter(context.db, {
    slug: center.slug,
    actor: staffActor(staff),
    changes: {
      names: { en: form.nameEn, ur: form.nameUr, el: form.nameEl, it: form.nameIt },
      address: form.address || null,
      weeklyHours: hours.hours,
      phone: phone?.ok ? phone.value : null,
      email: form.email || null,
      services: form.services,
      languages: form.languages,
      place: form.latitude !== null && form.longitude !== null ? { latitude: form.latitude, longitude: form.longitude } : null,
      referralCode: form.referralCode || null,
      active: form.active === "yes",
    },
  });
  context.logger.info({ requestId: context.requestId, outcome: result.ok ? "saved" : result.problem }, "center edit");
  if (!result.ok) {
    if (result.problem === "not_found") throw notFound();
    const message = result.problem === "referral_taken" ? "staff:validation.referralTaken" : "staff:validation.referralNotAllowed";
    return data<CenterResult>({ errors: { referralCode: message }, values }, { status: 422 });
  }
  throw redirect(staffPath(request, "/staff/admin/centers", { saved: center.slug }));
}

export default function EditCenter() {
  const { t, i18n } = useTranslation(["staff", "centers"]);
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  // The confirm form posts no fields: after its error the stored values are what the form shows.
  const values: FormValues = result?.values && "nameEn" in result.values ? result.values : loaded.values;
  return (
    <>
      <BackLink href={loaded.backHref} />
      <ErrorSummary errors={errors} order={CENTER_FIELDS} />
      <p className="hint">
        {t(`centers.kinds.${loaded.kind}`)}, {loaded.country}
      </p>
      <h1 className="heading-l">{t("center.title", { name: loaded.name })}</h1>
      {loaded.confirmedNow ? (
        <div className="notice notice--success" role="status">
          <p>{t("center.confirmedSaved")}</p>
        </div>
      ) : null}
      <Form method="post" noValidate>
        <TextField
          name="nameEn"
          label={t("center.nameEn")}
          spellCheck={false}
          dir="ltr"
          error={errors?.nameEn}
          defaultValue={values.nameEn}
        />
        <TextField
          name="nameUr"
          label={t("center.nameUr")}
          spellCheck={false}
          dir="rtl"
          error={errors?.nameUr}
          defaultValue={values.nameUr}
        />
        <TextField
          name="nameEl"
          label={t("center.nameEl")}
          spellCheck={false}
          dir="ltr"
          error={errors?.nameEl}
          defaultValue={values.nameEl}
        />
        <TextField
          name="nameIt"
          label={t("center.nameIt")}
          spellCheck={false}
          dir="ltr"
          error={errors?.nameIt}
          defaultValue={values.nameIt}
        />
        <TextField
          name="address"
          label={t("center.address")}
          hint={t("center.addressHint")}
          autoComplete="off"
          error={errors?.address}
          defaultValue={values.address}
        />
        <WeeklyHoursFields legend={t("center.openingHours")} hint={t("center.openingHoursHint")} values={values} errors={errors} />
        <TextField
          name="phone"
          type="tel"
          label={t("center.phone")}
          hint={t("center.phoneHint")}
          autoComplete="off"
          dir="ltr"
          error={errors?.phone}
          defaultValue={values.phone}
        />
        <EmailField name="email" label={t("center.email")} autoComplete="off" error={errors?.email} defaultValue={values.email} />
        <Checkboxes
          name="services"
          legend={t("center.services")}
          hint={t("center.servicesHint")}
          options={CENTER_SERVICES.map((service) => ({ value: service, label: t(`centers:service.${service}`) }))}
          error={errors?.services}
          defaultValues={(values.services ?? "").split(",")}
        />
        <Checkboxes
          name="languages"
          legend={t("center.languages")}
          options={SPOKEN_LANGUAGES.map((code) => ({
            value: code,
            label: languageName(isLang(i18n.language) ? i18n.language : "en", code),
          }))}
          error={errors?.languages}
          defaultValues={(values.languages ?? "").split(",")}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t("center.place")}</legend>
          <p className="hint">{t("center.placeHint")}</p>
          {(["latitude", "longitude"] as const).map((name) => (
            <TextField
              key={name}
              name={name}
              label={t(`center.${name}`)}
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
              error={errors?.[name]}
              defaultValue={values[name]}
            />
          ))}
        </fieldset>
        {loaded.kind === "service_center" ? null : (
          <TextField
            name="referralCode"
            label={t("center.referralCode")}
            hint={t("center.referralHint")}
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            error={errors?.referralCode}
            defaultValue={values.referralCode}
          />
        )}
        <Radios
          name="active"
          legend={t("center.active")}
          hint={t("center.activeHint")}
          options={[
            { value: "yes", label: t("center.activeYes") },
            { value: "no", label: t("center.activeNo") },
          ]}
          error={errors?.active}
          defaultValue={values.active}
        />
        <button type="submit" className="button">
          {t("center.submit")}
        </button>
      </Form>
      <section aria-labelledby="confirm-heading">
        <h2 className="heading-m" id="confirm-heading">
          {t("center.confirmHeading")}
        </h2>
        <p>{loaded.confirmed ? t("center.confirmedOn", { date: loaded.confirmed }) : t("center.notConfirmed")}</p>
        <p className="hint">{t("center.confirmHint")}</p>
        <Form method="post" noValidate>
          <div className={errors?.confirm ? "form-group form-group--error" : "form-group"} id="confirm">
            <ErrorMessage id="confirm-error" error={errors?.confirm} />
            <button type="submit" className="button button--secondary" name="intent" value="confirm">
              {t("center.confirm")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
