import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { Radios } from "~/components/radios";
import { SelectField } from "~/components/select-field";
import { StepPage } from "~/components/step-page";
import { listActiveCenters } from "~/models/center.server";
import { DELIVERY_METHODS, DeliverySchema } from "~/schemas/certificate";
import type { FormValues } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import { countryName } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { handleStepAction, requireStepDraft, stepPageState } from "~/services/step-action.server";

const FIELDS = ["delivery", "collectionCenter"] as const;

export const handle: RouteHandle = { i18n: ["certificate", "validation"], title: (t) => t("certificate:delivery.delivery") };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  const saved = draft.answers.delivery;
  const values: FormValues = saved ? { delivery: saved.delivery, collectionCenter: saved.collectionCenter ?? "" } : {};
  const centers = (await listActiveCenters(context.db, lang)).map((c) => ({
    value: c.slug,
    label: `${c.name} (${countryName(lang, c.countryCode)})`,
  }));
  return { values, centers, ...stepPageState(request, draft, "delivery") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  const formData = await readForm(request);
  // Only a center from the directory: a forged slug would otherwise fail later, at submission.
  const centers = new Set((await listActiveCenters(context.db, lang)).map((c) => c.slug));
  const center = formData.get("collectionCenter");
  if (typeof center === "string" && center !== "" && !centers.has(center)) formData.set("collectionCenter", "");
  return handleStepAction({ formData, context, lang, draft, step: "delivery", schema: DeliverySchema });
}

export default function Delivery() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { values: saved, centers, returnToCheck, answerAgain } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? saved;
  return (
    <StepPage
      step="delivery"
      backHref={`/${lang}/certificate/purpose`}
      errors={errors}
      fieldOrder={FIELDS}
      returnToCheck={returnToCheck}
      answerAgain={answerAgain}
    >
      <Radios
        name="delivery"
        legend={t("delivery.delivery")}
        legendAsHeading
        options={DELIVERY_METHODS.map((d) => ({
          value: d,
          label: t(`delivery.options.${d}`),
          hint: d === "pdf" ? t("delivery.pdfHint") : undefined,
          conditional:
            d === "collection" ? (
              <SelectField
                name="collectionCenter"
                label={t("delivery.center")}
                hint={t("delivery.centerHint")}
                options={centers}
                placeholder={t("delivery.chooseCenter")}
                error={errors?.collectionCenter}
                defaultValue={values.collectionCenter}
              />
            ) : undefined,
        }))}
        error={errors?.delivery}
        defaultValue={values.delivery}
      />
    </StepPage>
  );
}
