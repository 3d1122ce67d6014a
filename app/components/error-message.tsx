import { useTranslation } from "~/utils/use-translation";
import { type FieldError, renderFieldError } from "~/utils/form";

/**
 * The inline message under a field's label: "Error:" for screen readers, then the translated
 * message. Its id is what the field's aria-describedby points at.
 */
export function ErrorMessage({ id, error }: { id: string; error: FieldError | undefined | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">{t("form.errorPrefix")}: </span>
      {renderFieldError(t, error)}
    </p>
  );
}
