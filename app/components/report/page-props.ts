import type { Lang } from "~/i18n";
import type { FieldErrors, FormValues } from "~/utils/form";

/** What each question page of the report is given: the sealed journey and this page's answers as typed. */
export type ReportPageProps = {
  lang: Lang;
  state: string;
  values: FormValues;
  errors: FieldErrors | undefined;
  returnToCheck: boolean;
};
