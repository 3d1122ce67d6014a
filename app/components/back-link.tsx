import { useTranslation } from "~/utils/use-translation";

export function BackLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <a href={href} className="back-link">
      {t("layout.back")}
    </a>
  );
}
