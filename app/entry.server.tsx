import { type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import "./context";
import { getI18n, requestLanguage } from "./utils/i18n.server";
import { NonceProvider } from "./utils/nonce";

/**
 * Pages carry no streaming UI (no `defer`, no Suspense), so the whole document is rendered to one
 * string and encoded once. React 18's streaming renderer split multi-byte characters at its 2 KB
 * chunk boundary and put U+0000 inside Greek and Urdu words (facebook/react#24985); a string has no
 * chunk boundary. Crawlers, no-JS browsers and tests all get the same complete HTML.
 * A render error throws here and Remix renders the route's ErrorBoundary instead.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const i18n = getI18n(requestLanguage(request));
  const nonce = loadContext.cspNonce;
  const html = renderToString(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  // A thrown 4xx (not found, forbidden) is an answer, not a fault.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  context.logger?.error({ err: error, requestId: context.requestId }, "unhandled error in loader or action");
}
