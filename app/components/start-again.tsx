import { useTranslation } from "~/utils/use-translation";

/** A fresh application, for pages that explain why the old one cannot be opened. */
export function StartAgain({ lang }: { lang: string | undefined }) {
  const { t } = useTranslation("certificate");
  return (
    <form method="post" action={`/${lang}/certificate`}>
      <button type="submit" className="button">
        {t("expired.startAgain")}
      </button>
    </form>
  );
}
