import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";

/**
 * The form's answers were older than the journey allows, altered, or from an earlier release; or
 * (`alreadySent`) the same report was sent again, from a reloaded page.
 */
export function ExpiredScreen({ alreadySent = false }: { alreadySent?: boolean }) {
  const { t } = useTranslation("report");
  const screen = alreadySent ? "alreadySent" : "expired";
  return (
    <>
      <h1 className="heading-l">{t(`${screen}.title`)}</h1>
      <p>{t(`${screen}.body`)}</p>
      <Form method="post">
        <button type="submit" className="button" name="intent" value="start">
          {t(`${screen}.startAgain`)}
        </button>
      </Form>
    </>
  );
}
