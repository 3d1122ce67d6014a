import { type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { isLang } from "~/i18n";
import { notFound } from "~/utils/responses";

/** Every citizen page lives under a language prefix; anything else under `/<x>/` is not a page. */
export function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  return null;
}

export default function LanguageLayout() {
  return <Outlet />;
}
