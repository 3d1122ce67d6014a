import { RemixBrowser } from "@remix-run/react";
import type { Resource } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n, FALLBACK_LANGUAGE, isLang } from "./i18n";
import { I18N_SCRIPT_ID } from "./utils/i18n-script";

// Only pages that ask to hydrate load this bundle; they embed the translations they need.
const embedded = document.getElementById(I18N_SCRIPT_ID)?.textContent;
const resources: Resource = embedded ? JSON.parse(embedded) : {};
const lang = isLang(document.documentElement.lang) ? document.documentElement.lang : FALLBACK_LANGUAGE;
const i18n = createI18n(lang, resources);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RemixBrowser />
      </I18nextProvider>
    </StrictMode>,
  );
});
