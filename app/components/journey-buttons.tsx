import { useTranslation } from "~/utils/use-translation";

/** "Continue" and "Save and come back later", at the foot of every question page. */
export function JourneyButtons() {
  const { t } = useTranslation();
  return (
    <div className="button-group">
      <button type="submit" className="button" name="intent" value="continue">
        {t("form.continue")}
      </button>
      <button type="submit" className="button button--secondary" name="intent" value="save">
        {t("certificate:saveAndReturn")}
      </button>
    </div>
  );
}
