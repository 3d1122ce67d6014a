import { AnswerAgain } from "~/components/answer-again";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { DateInput, dateParts } from "~/components/date-input";
import { ErrorMessage } from "~/components/error-message";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/text-field";
import { STEPS, stepNumber } from "~/domain/certificate-journey";
import { saveDraftStep } from "~/models/draft.server";
import { type AddressAnswer, AddressSchema, MAX_ADDRESSES } from "~/schemas/certificate";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { addressPeriod, formatMonth } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requireStepDraft, saveAndReturn, stepHref, stepPageState } from "~/services/step-action.server";
import { JourneyButtons } from "~/components/journey-buttons";
import { readForm } from "~/utils/form.server";

const FIELDS = ["addresses", "district", "policeStation", "address", "from", "to"] as const;
const ADDRESS_FIELDS = ["district", "policeStation", "address", "fromMonth", "fromYear", "toMonth", "toYear"];

export const handle: RouteHandle = { i18n: ["certificate", "validation"], title: (t) => t("certificate:addresses.title") };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  const addresses = ((draft.answers.addresses as AddressAnswer[] | undefined) ?? []).map((a) => ({
    ...a,
    fromLabel: formatMonth(lang, a.from),
    toLabel: a.to ? formatMonth(lang, a.to) : null,
  }));
  return { addresses, ...stepPageState(request, draft, "addresses") };
}

type AddressesResult = { errors: FieldErrors; values: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Response | AddressesResult> {
  const { lang, draft: opened } = await requireStepDraft({ request, params, context });
  let draft = opened;
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "continue");
  const addresses = [...((draft.answers.addresses as AddressAnswer[] | undefined) ?? [])];
  const back = formData.get("returnTo") === "check" ? `${stepHref(lang, "addresses")}?change=1` : stepHref(lang, "addresses");

  if (intent.startsWith("remove-")) {
    const index = Number(intent.slice("remove-".length));
    if (Number.isInteger(index) && index >= 0 && index < addresses.length) addresses.splice(index, 1);
    await saveDraftStep(context.db, draft, "addresses", addresses);
    return redirect(back);
  }

  const filledIn = ADDRESS_FIELDS.some((f) => String(formData.get(f) ?? "").trim() !== "");
  if (filledIn) {
    const parsed = parseForm(AddressSchema, formData);
    if (!parsed.ok) {
      if (intent === "save") return saveAndReturn(context, lang, draft, "addresses");
      return { errors: parsed.errors, values: parsed.values };
    }
    if (addresses.length < MAX_ADDRESSES) addresses.push(parsed.data);
    draft = await saveDraftStep(context.db, draft, "addresses", addresses);
  }
  if (intent === "save") return saveAndReturn(context, lang, draft, "addresses");
  if (intent === "add") return redirect(back);
  if (addresses.length === 0) return { errors: { addresses: "validation:required.addresses" }, values: formValues(formData) };
  if (!filledIn) await saveDraftStep(context.db, draft, "addresses", addresses);
  return redirect(formData.get("returnTo") === "check" ? stepHref(lang, "check") : stepHref(lang, "purpose"));
}

export default function Addresses() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { addresses, returnToCheck, answerAgain } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? {};
  return (
    <>
      <BackLink href={`/${lang}/certificate/contact`} />
      <ErrorSummary errors={errors} order={FIELDS} />
      <AnswerAgain show={answerAgain} />
      <p className="progress-line">{t("progress", { current: stepNumber("addresses"), total: STEPS.length })}</p>
      <h1 className="heading-l">{t("addresses.title")}</h1>
      <p id="addresses">{t("addresses.lead")}</p>
      <ErrorMessage id="addresses-error" error={errors?.addresses} />
      <Form method="post" noValidate>
        {returnToCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        {addresses.length > 0 ? (
          <>
            <h2 className="heading-m">{t("addresses.added")}</h2>
            <dl className="summary-list">
              {addresses.map((a, i) => (
                <div className="summary-list__row" key={`${a.from}-${i}`}>
                  <dt className="summary-list__key">
                    <bdi>{a.district}</bdi>, <bdi>{a.policeStation}</bdi>
                  </dt>
                  <dd className="summary-list__value">
                    <bdi>{a.address}</bdi>
                    <br />
                    {addressPeriod(t, a.fromLabel, a.toLabel)}
                  </dd>
                  <dd className="summary-list__actions">
                    <button type="submit" name="intent" value={`remove-${i}`} className="link-button">
                      {t("addresses.remove")}
                      <span className="visually-hidden">
                        {" "}
                        <bdi>{a.district}</bdi>, <bdi>{a.address}</bdi>
                      </span>
                    </button>
                  </dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        <h2 className="heading-m">{t("addresses.addHeading")}</h2>
        <TextField name="district" label={t("addresses.district")} error={errors?.district} defaultValue={values.district} />
        <TextField
          name="policeStation"
          label={t("addresses.policeStation")}
          hint={t("addresses.policeStationHint")}
          error={errors?.policeStation}
          defaultValue={values.policeStation}
        />
        <TextField name="address" label={t("addresses.address")} autoComplete="off" error={errors?.address} defaultValue={values.address} />
        <DateInput
          name="from"
          withDay={false}
          legend={t("addresses.from")}
          hint={t("addresses.monthYearHint")}
          error={errors?.from}
          values={dateParts(values, "from")}
        />
        <DateInput
          name="to"
          withDay={false}
          legend={t("addresses.to")}
          hint={t("addresses.toHint")}
          error={errors?.to}
          values={dateParts(values, "to")}
        />
        <button type="submit" className="button button--secondary" name="intent" value="add">
          {t("addresses.saveAndAddAnother")}
        </button>
        <JourneyButtons />
      </Form>
    </>
  );
}
