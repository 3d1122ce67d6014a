import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { negotiateLanguage } from "~/i18n";

/** `/` has no content of its own: send the visitor to the home page in their browser's language. */
export function loader({ request }: LoaderFunctionArgs) {
  const lang = negotiateLanguage(request.headers.get("accept-language"));
  return redirect(`/${lang}`, { headers: { Vary: "Accept-Language", "Cache-Control": "no-store" } });
}
