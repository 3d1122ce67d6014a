/**
 * The citizen cookies (draft, saved link, tracking), named and flagged in one place from
 * PUBLIC_URL. Served over https they are `__Host-` cookies: the browser then insists on Secure,
 * Path=/ and no Domain, so neither a sibling subdomain nor a plain-http page on the same host can
 * plant or overwrite one. Over http (local runs, tests) a Secure cookie would be dropped by every
 * browser but Chromium on localhost, so they keep their plain names and no Secure flag.
 */
import { type AppLoadContext, type CookieOptions, createCookie } from "@remix-run/node";
import type { Env } from "./env.server";

const servedOverHttps = (env: Pick<Env, "PUBLIC_URL">) => env.PUBLIC_URL.startsWith("https:");

export function siteCookieName(env: Pick<Env, "PUBLIC_URL">, name: string): string {
  return servedOverHttps(env) ? `__Host-${name}` : name;
}

/** HttpOnly, SameSite=Lax, Path=/, never a Domain; `options` adds a lifetime or signing secrets. */
export function createSiteCookie(context: AppLoadContext, name: string, options: Pick<CookieOptions, "maxAge" | "secrets"> = {}) {
  return createCookie(siteCookieName(context.env, name), {
    ...options,
    httpOnly: true,
    sameSite: "lax",
    secure: servedOverHttps(context.env),
    path: "/",
  });
}

/** Whether the request carries the cookie at all, whatever its value (even one that fails to parse). */
export function hasSiteCookie(request: Request, context: AppLoadContext, name: string): boolean {
  const wanted = siteCookieName(context.env, name);
  return (request.headers.get("Cookie") ?? "").split(";").some((part) => part.split("=", 1)[0]!.trim() === wanted);
}
