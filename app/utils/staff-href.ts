import { useLocation } from "@remix-run/react";
import { isLang } from "~/i18n";

/**
 * A staff link or form target that keeps the language chosen with `?lng=` (staff pages have no
 * language prefix, and without it they fall back to English).
 */
export function useStaffHref(): (path: string) => string {
  const { search } = useLocation();
  const lng = new URLSearchParams(search).get("lng");
  return (path) => {
    if (!isLang(lng)) return path;
    const [pathname, query = ""] = path.split("?", 2);
    const params = new URLSearchParams(query);
    if (!params.has("lng")) params.set("lng", lng);
    return `${pathname}?${params.toString()}`;
  };
}
