import { useTranslation } from "~/utils/use-translation";
import type { FieldErrors } from "~/utils/form";
import { TextField } from "./text-field";

/**
 * "From" and "To" dates (UTC) of a staff page's GET filter, named `from` and `to`: the audit log's
 * period and the dashboard's. The browser's date picker where there is one, typed YYYY-MM-DD elsewhere.
 */
export function DateRangeFields({ errors, values }: { errors: FieldErrors | undefined; values: { from?: string; to?: string } }) {
  const { t } = useTranslation("staff");
  return (
    <>
      {(["from", "to"] as const).map((name) => (
        <TextField
          key={name}
          name={name}
          type="date"
          label={t(`audit.${name}`)}
          hint={t("audit.dateHint")}
          dir="ltr"
          error={errors?.[name]}
          defaultValue={values[name]}
        />
      ))}
    </>
  );
}
