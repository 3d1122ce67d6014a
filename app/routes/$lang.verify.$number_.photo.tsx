import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLang } from "~/i18n";
import { readVerifiedPhoto } from "~/models/certificate-verification.server";
import { CERTIFICATE_PHOTOS, withinLimit } from "~/services/rate-limit.server";
import { notFound } from "~/utils/responses";

/**
 * The holder's photo on the verification page, only for the right number and code (the same
 * check as the page, limited on its own so that it is no back door for guessing codes). Not
 * counted as a verification, never cached.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  if (!(await withinLimit(context, CERTIFICATE_PHOTOS)))
    return new Response("Too Many Requests", { status: 429, headers: { "Cache-Control": "no-store" } });
  const code = new URL(request.url).searchParams.get("code") ?? "";
  const photo = await readVerifiedPhoto(context.db, context.documentKey, params.number ?? "", code);
  if (!photo) return new Response("Not Found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(Buffer.from(photo), {
    headers: {
      "Content-Type": "image/jpeg",
      "Content-Length": String(photo.byteLength),
      "Cache-Control": "no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
      "X-Robots-Tag": "noindex",
    },
  });
}
