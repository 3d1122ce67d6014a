import { useTranslation } from "~/utils/use-translation";
import { LEGAL_FACT_KINDS } from "~/domain/legal-fact";
import type { FieldErrors, FormValues } from "~/utils/form";
import { DateInput, dateParts } from "./date-input";
import { Radios } from "./radios";
import { TextField } from "./text-field";

const LABELS = [
  { name: "labelUr", dir: "rtl" },
  { name: "labelEn", dir: "ltr" },
  { name: "labelEl", dir: "ltr" },
  { name: "labelIt", dir: "ltr" },
] as const;

/** The fields of a legal-migration fact, the same when it is added and when it is edited (the key only when added). */
export function LegalFactFields({
  withKey,
  destinations,
  errors,
  values,
}: {
  withKey: boolean;
  destinations: readonly { value: string; label: string }[];
  errors: FieldErrors | undefined;
  values: FormValues;
}) {
  const { t } = useTranslation("staff");
  return (
    <>
      {withKey ? (
        <TextField
          name="key"
          label={t("legalFacts.key")}
          hint={t("legalFacts.keyHint")}
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          error={errors?.key}
          defaultValue={values.key}
        />
      ) : null}
      <Radios
        name="destination"
        legend={t("legalFacts.destination")}
        options={destinations}
        error={errors?.destination}
        defaultValue={values.destination}
      />
      <Radios
        name="kind"
        legend={t("legalFacts.kind")}
        options={LEGAL_FACT_KINDS.map((kind) => ({ value: kind, label: t(`legalFacts.kinds.${kind}`) }))}
        error={errors?.kind}
        defaultValue={values.kind}
      />
      <TextField
        name="value"
        label={t("legalFacts.value")}
        hint={t("legalFacts.valueHint")}
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        error={errors?.value}
        defaultValue={values.value}
      />
      {LABELS.map((label) => (
        <TextField
          key={label.name}
          name={label.name}
          label={t(`legalFacts.${label.name}`)}
          hint={t("legalFacts.labelHint")}
          autoComplete="off"
          dir={label.dir}
          error={errors?.[label.name]}
          defaultValue={values[label.name]}
        />
      ))}
      <TextField
        name="source"
        label={t("legalFacts.source")}
        hint={t("legalFacts.sourceHint")}
        autoComplete="off"
        dir="auto"
        error={errors?.source}
        defaultValue={values.source}
      />
      <DateInput
        name="checkedOn"
        legend={t("legalFacts.checkedOn")}
        hint={t("legalFacts.checkedOnHint")}
        error={errors?.checkedOn}
        values={dateParts(values, "checkedOn")}
      />
    </>
  );
}
