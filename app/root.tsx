import {
  isRouteErrorResponse,
  Links,
  Meta,
  Scripts,
  type ShouldRevalidateFunction,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { Outlet } from "@remix-run/react";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import { PageLayout } from "./components/page-layout";
import { FALLBACK_LANGUAGE, isLang, type Lang, textDirection } from "./i18n";
import appStyles from "./styles/app.css";
import nastaliqFont from "@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2";
import urduStyles from "./styles/urdu.css";
import { isRouteHandle } from "./utils/handle";
import { I18nResourcesScript } from "./utils/i18n-script";
import { useNonce } from "./utils/nonce";
import { usePageDescription, usePageTitle } from "./utils/page-title";
import { errorPageFor } from "./utils/responses";
import { staffNavigation } from "./services/staff-nav.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Only the back office needs anything here: its navigation bar, for a signed-in staff member. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return { staffNav: await staffNavigation(request, context) };
}

/** The menu marks the current area, so it follows every change of page, not only of parameters. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname;

function Document({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : FALLBACK_LANGUAGE;
  const nonce = useNonce();
  const description = usePageDescription();
  const handles = useMatches()
    .map((m) => m.handle)
    .filter(isRouteHandle);
  const hydrate = handles.some((h) => h.hydrate);
  const showsTypedText = handles.some((h) => h.showsTypedText);
  const languageSwitchForm = handles.find((h) => h.languageSwitchForm)?.languageSwitchForm;
  const namespaces = ["common", ...handles.flatMap((h) => h.i18n ?? [])];
  // Undefined in the error boundary when the root loader itself failed.
  const staffNav = useRouteLoaderData<typeof loader>("root")?.staffNav ?? null;
  const staffPage = useLocation().pathname.startsWith("/staff");
  return (
    <html lang={lang} dir={textDirection(lang)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title ? `${title} – ${t("portal.name")}` : t("portal.name")}</title>
        <meta name="description" content={description} />
        <Meta />
        <Links />
        {/* Nastaliq is large (about 160 KB): only Urdu pages fetch it, preloaded because their first
            paint waits for it (same hashed file as urdu.css names). Staff pages in other languages
            declare it too, for the Urdu that applicants typed (and so do pages that show back what a
            reporter typed, showsTypedText): unicode-range means it is fetched only
            when such text is on the page, and staff machines often have no Urdu font of their own. */}
        {lang === "ur" ? <link rel="preload" href={nastaliqFont} as="font" type="font/woff2" crossOrigin="anonymous" /> : null}
        {lang === "ur" || staffPage || showsTypedText ? <link rel="stylesheet" href={urduStyles} /> : null}
      </head>
      <body className={staffPage ? "staff-area" : undefined}>
        <PageLayout lang={lang} staffNav={staffNav} languageSwitchForm={languageSwitchForm}>
          {children}
        </PageLayout>
        {hydrate ? (
          <>
            <I18nResourcesScript namespaces={namespaces} nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  const title = usePageTitle();
  return (
    <Document title={title}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = errorPageFor(status);
  return (
    <Document title={t(`errors.${key}.title`)}>
      <h1 className="heading-l">{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      <p>
        <a href={`/${i18n.language}`}>{t("errors.goHome")}</a>
      </p>
    </Document>
  );
}
