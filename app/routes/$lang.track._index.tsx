import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { DateInput, dateParts } from "~/components/date-input";
import { ErrorSummary } from "~/components/error-summary";
import { TooManyTries } from "~/components/too-many-tries";
import { TextField } from "~/components/text-field";
import { isLang } from "~/i18n";
import { findByTrackSecret, findForTracking } from "~/models/application.server";
import { TRACK_FIELDS, TrackLookupSchema } from "~/schemas/track";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { TRACKING_LOOKUPS, withinLimit } from "~/services/rate-limit.server";
import { notFound } from "~/utils/responses";
import { grantTracking } from "~/utils/track-session.server";

export const handle: RouteHandle = {
  i18n: ["track", "validation"],
  title: (t) => t("track:title"),
  description: (t) => t("track:description"),
};

type TrackResult = { errors: FieldErrors | null; values: FormValues; notFound: boolean; limited: boolean };

/** The link in the receipt email (`?key=`) opens the status page directly. */
export async function loader({ request, params, context }: LoaderFunctionArgs): Promise<TrackResult | null> {
  if (!isLang(params.lang)) throw notFound();
  const key = new URL(request.url).searchParams.get("key");
  if (!key) return null;
  if (!(await withinLimit(context, TRACKING_LOOKUPS))) return { errors: null, values: {}, notFound: false, limited: true };
  const application = await findByTrackSecret(context.db, key);
  if (!application) return { errors: null, values: {}, notFound: true, limited: false };
  throw redirect(`/${params.lang}/track/status`, {
    headers: { "Set-Cookie": await grantTracking(context, application.id), "Cache-Control": "no-store" },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs): Promise<TrackResult> {
  if (!isLang(params.lang)) throw notFound();
  const formData = await readForm(request);
  const values = formValues(formData);
  const parsed = parseForm(TrackLookupSchema, formData);
  if (!parsed.ok) return { errors: parsed.errors, values, notFound: false, limited: false };
  if (!(await withinLimit(context, TRACKING_LOOKUPS))) return { errors: null, values, notFound: false, limited: true };
  const application = await findForTracking(context.db, parsed.data.reference, parsed.data.dateOfBirth);
  context.logger.info({ requestId: context.requestId, outcome: application ? "found" : "no_match" }, "tracking lookup");
  if (!application) return { errors: null, values, notFound: true, limited: false };
  throw redirect(`/${params.lang}/track/status`, { headers: { "Set-Cookie": await grantTracking(context, application.id) } });
}

export default function Track() {
  const { t } = useTranslation("track");
  const submitted = useActionData<typeof action>();
  const fromLink = useLoaderData<typeof loader>();
  const result = submitted ?? fromLink;
  const errors = result?.errors ?? undefined;
  const values = result?.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} order={TRACK_FIELDS} />
      <h1 className="heading-l">{t("title")}</h1>
      {result?.notFound ? (
        <div className="notice" role="alert">
          <p>{t("notFound")}</p>
        </div>
      ) : null}
      <TooManyTries show={result?.limited} />
      <p>{t("lead")}</p>
      <Form method="post" noValidate>
        <TextField
          name="reference"
          label={t("reference")}
          hint={t("referenceHint")}
          spellCheck={false}
          autoComplete="off"
          dir="ltr"
          error={errors?.reference}
          defaultValue={values.reference}
        />
        <DateInput
          name="dateOfBirth"
          legend={t("dateOfBirth")}
          hint={t("dateOfBirthHint")}
          error={errors?.dateOfBirth}
          values={dateParts(values, "dateOfBirth")}
        />
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </Form>
    </>
  );
}
