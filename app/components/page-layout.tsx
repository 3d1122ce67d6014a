import type { ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import { type Lang } from "~/i18n";
import type { StaffNavigation } from "~/services/staff-nav.server";
import { LanguageSwitcher } from "./language-switcher";
import { StaffNav } from "./staff-nav";

export function PageLayout({
  lang,
  staffNav = null,
  languageSwitchForm,
  children,
}: {
  lang: Lang;
  staffNav?: StaffNavigation | null;
  /** See RouteHandle.languageSwitchForm. */
  languageSwitchForm?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main-content" className="skip-link">
        {t("layout.skipToContent")}
      </a>
      <header className="site-header">
        <div className="width-container site-header__inner">
          <a href={`/${lang}`} className="site-header__name">
            <span className="site-header__emblem" aria-hidden="true" />
            {t("portal.name")}
          </a>
          <LanguageSwitcher current={lang} postForm={languageSwitchForm} />
        </div>
      </header>
      {staffNav ? <StaffNav nav={staffNav} /> : null}
      <div className="width-container">
        <main id="main-content" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="site-footer">
        <div className="width-container">
          <p>{t("layout.footer.operator")}</p>
          <p>{t("layout.footer.privacy")}</p>
        </div>
      </footer>
    </>
  );
}
