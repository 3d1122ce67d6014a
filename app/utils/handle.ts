import type { TFunction } from "i18next";

/**
 * What a route tells the root about itself. Pages render on the server and work without
 * JavaScript; a route that needs the client bundle says so with `hydrate: true`.
 */
export type RouteHandle = {
  /** Translation namespaces beyond `common`. */
  i18n?: readonly string[];
  hydrate?: boolean;
  /**
   * The page shows back what people typed, which may be Urdu whatever the page's language: it
   * declares Nastaliq too (fetched only when such text is on the page, by unicode-range).
   */
  showsTypedText?: boolean;
  /**
   * The page <title> (without the portal's name), given the route's loader data and, after a form
   * was sent, its action data (a journey that keeps every page on one address names each by it).
   */
  title?: (t: TFunction, data: unknown, actionData?: unknown) => string;
  /**
   * The page keeps what someone entered in its forms rather than on the server or in a cookie (the
   * anonymous report): the language switcher then posts the form with this id to the same address
   * in the other language, where a link would lose it. The route renders that form on every screen.
   */
  languageSwitchForm?: string;
  /** The page's <meta name="description">; without one, the area's (citizen or staff) is used. */
  description?: (t: TFunction, data: unknown) => string;
};

export function isRouteHandle(handle: unknown): handle is RouteHandle {
  return typeof handle === "object" && handle !== null;
}
