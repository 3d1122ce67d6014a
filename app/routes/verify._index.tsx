import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { negotiateLanguage } from "~/i18n";

/** `/verify`, as printed on the certificate: the check in the reader's language. */
export function loader({ request }: LoaderFunctionArgs) {
  const lang = negotiateLanguage(request.headers.get("accept-language"));
  return redirect(`/${lang}/verify`, { headers: { Vary: "Accept-Language", "Cache-Control": "no-store" } });
}
