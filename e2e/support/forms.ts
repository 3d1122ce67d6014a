import type { Page } from "@playwright/test";
import { t } from "./locales";

/** The error summary at the top of a form ("There is a problem"), in English. */
export const errorSummary = (page: Page) =>
  page.getByRole("alert").filter({ has: page.getByRole("heading", { name: t("en", "form.errorSummaryTitle") }) });
