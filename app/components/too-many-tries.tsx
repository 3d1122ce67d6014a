import { useTranslation } from "~/utils/use-translation";

/** Said above the heading when a rate limit refused the post: try again later, nothing was checked. */
export function TooManyTries({ show }: { show: boolean | undefined }) {
  const { t } = useTranslation("common");
  if (!show) return null;
  return (
    <div className="notice" role="alert">
      <p>{t("errors.tooManyRequests.body")}</p>
    </div>
  );
}
