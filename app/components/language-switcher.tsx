import { useLocation } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { LANGUAGE_NAMES, LANGUAGES, pathInLanguage, type Lang } from "~/i18n";

/**
 * Names each language in itself and keeps the visitor on the same page. Where the page keeps what
 * was entered in a form of its own (`postForm`, RouteHandle.languageSwitchForm), each language is a
 * button that posts that form to the same address in that language; elsewhere, a link.
 */
export function LanguageSwitcher({ current, postForm }: { current: Lang; postForm?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <nav className="language-switcher" aria-label={t("language.switcherLabel")}>
      <ul>
        {LANGUAGES.map((lang) => (
          <li key={lang}>
            {lang === current ? (
              <span aria-current="true" lang={lang}>
                {LANGUAGE_NAMES[lang]}
              </span>
            ) : postForm ? (
              <button
                type="submit"
                form={postForm}
                formAction={pathInLanguage(location.pathname, location.search, lang)}
                name="intent"
                value="language"
                className="link-button"
                lang={lang}
              >
                {LANGUAGE_NAMES[lang]}
              </button>
            ) : (
              // A full page load: the whole document changes language and direction.
              <a href={pathInLanguage(location.pathname, location.search, lang)} hrefLang={lang} lang={lang}>
                {LANGUAGE_NAMES[lang]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
