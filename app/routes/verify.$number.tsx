import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { negotiateLanguage } from "~/i18n";

/**
 * The QR code's address, `/verify/<number>?code=…`, has no language: it opens in the language of
 * the reader's browser (a Greek official's phone gets Greek), with the switcher on the page.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  const lang = negotiateLanguage(request.headers.get("accept-language"));
  const code = new URL(request.url).searchParams.get("code");
  const query = code === null ? "" : `?code=${encodeURIComponent(code)}`;
  return redirect(`/${lang}/verify/${encodeURIComponent(params.number ?? "")}${query}`, {
    headers: { Vary: "Accept-Language", "Cache-Control": "no-store" },
  });
}
