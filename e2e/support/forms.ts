import type { Page } from "@playwright/test";
import { type Lang, t } from "./locales";

/** The error summary at the top of a form ("There is a problem"), in English unless told. */
export const errorSummary = (page: Page, lang: Lang = "en") =>
  page.getByRole("alert").filter({ has: page.getByRole("heading", { name: t(lang, "form.errorSummaryTitle") }) });
