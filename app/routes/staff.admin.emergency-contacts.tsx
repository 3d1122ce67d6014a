import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { Radios } from "~/components/radios";
import { RemovableRows } from "~/components/removable-rows";
import { SelectField } from "~/components/select-field";
import { TextField } from "~/components/text-field";
import { formatPhone } from "~/domain/phone";
import { addEmergencyContact, listEmergencyContacts, removeEmergencyContact } from "~/models/emergency-contact.server";
import {
  EMERGENCY_CONTACT_FIELDS,
  EMERGENCY_CONTACT_KINDS,
  EmergencyContactIdSchema,
  EmergencyContactIntentSchema,
  EmergencyContactSchema,
} from "~/schemas/emergency-contact";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { countryOptions } from "~/utils/countries";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import { countryName } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:emergencyContacts.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:center:any");
  const lang = requestLanguage(request);
  const outcome = new URL(request.url).searchParams.get("done");
  const contacts = await listEmergencyContacts(context.db);
  return {
    backHref: staffPath(request, "/staff"),
    done: outcome === "added" || outcome === "removed" ? outcome : null,
    countries: countryOptions(lang),
    contacts: contacts.map((c) => ({ ...c, country: countryName(lang, c.countryCode), phone: formatPhone(c.phone), dial: c.phone })),
  };
}

type AddResult = { errors: FieldErrors; values: FormValues };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "manage:center:any");
  const formData = await readForm(request);
  const here = staffPath(request, "/staff/admin/emergency-contacts");
  // Only a hand-made request lacks a known intent or a well-formed id: back to the list.
  const intent = parseForm(EmergencyContactIntentSchema, formData);
  if (!intent.ok) throw redirect(here);
  if (intent.data.intent === "remove") {
    const target = parseForm(EmergencyContactIdSchema, formData);
    if (!target.ok) throw redirect(here);
    const removed = await removeEmergencyContact(context.db, { id: target.data.id, actor: staffActor(staff) });
    context.logger.info({ requestId: context.requestId, outcome: removed ? "removed" : "not_found" }, "emergency contact removal");
    throw redirect(staffPath(request, "/staff/admin/emergency-contacts", { done: "removed" }));
  }
  const parsed = parseForm(EmergencyContactSchema, formData);
  if (!parsed.ok) return data<AddResult>({ errors: parsed.errors, values: parsed.values }, { status: 422 });
  const result = await addEmergencyContact(context.db, { ...parsed.data, actor: staffActor(staff) });
  context.logger.info({ requestId: context.requestId, outcome: result.ok ? "added" : result.problem }, "emergency contact addition");
  if (!result.ok) {
    return data<AddResult>({ errors: { phone: "staff:validation.emergencyExists" }, values: formValues(formData) }, { status: 422 });
  }
  throw redirect(staffPath(request, "/staff/admin/emergency-contacts", { done: "added" }));
}

export default function EmergencyContacts() {
  const { t } = useTranslation("staff");
  const { backHref, done, countries, contacts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values: FormValues = result?.values ?? {};
  return (
    <>
      <BackLink href={backHref} />
      <ErrorSummary errors={errors} order={EMERGENCY_CONTACT_FIELDS} />
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{t(`emergencyContacts.${done}`)}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("emergencyContacts.title")}</h1>
      <p>{t("emergencyContacts.intro")}</p>
      <h2 className="heading-m">{t("emergencyContacts.listed")}</h2>
      <RemovableRows
        caption={t("emergencyContacts.listed")}
        columns={[t("emergencyContacts.country"), t("emergencyContacts.kind"), t("emergencyContacts.phone")]}
        actionsLabel={t("emergencyContacts.actions")}
        removeText={t("emergencyContacts.remove")}
        emptyText={t("emergencyContacts.none")}
        rows={contacts.map((c) => ({
          key: c.id,
          cells: [
            c.country,
            t(`emergencyContacts.kinds.${c.kind}`),
            <bdi dir="ltr" key="phone">
              {c.phone}
            </bdi>,
          ],
          field: { name: "id", value: c.id },
          removeLabel: t("emergencyContacts.removeLabel", { kind: t(`emergencyContacts.kinds.${c.kind}`), country: c.country }),
        }))}
      />
      <h2 className="heading-m">{t("emergencyContacts.addTitle")}</h2>
      <Form method="post" noValidate>
        <SelectField
          name="countryCode"
          label={t("emergencyContacts.country")}
          options={countries}
          placeholder={t("emergencyContacts.chooseCountry")}
          error={errors?.countryCode}
          defaultValue={values.countryCode}
        />
        <Radios
          name="kind"
          legend={t("emergencyContacts.kind")}
          options={EMERGENCY_CONTACT_KINDS.map((kind) => ({ value: kind, label: t(`emergencyContacts.kinds.${kind}`) }))}
          error={errors?.kind}
          defaultValue={values.kind}
        />
        <TextField
          name="phone"
          label={t("emergencyContacts.phone")}
          hint={t("emergencyContacts.phoneHint")}
          type="tel"
          autoComplete="off"
          error={errors?.phone}
          defaultValue={values.phone}
        />
        <button type="submit" className="button" name="intent" value="add">
          {t("emergencyContacts.add")}
        </button>
      </Form>
    </>
  );
}
