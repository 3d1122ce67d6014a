/**
 * Smuggling reports filed straight into a store, the way the journey files them (identifiers read
 * by the same functions), for model and server tests that need reports without walking the pages.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { hashReportSecret } from "~/domain/report-secret.server";
import { createReport } from "~/models/report.server";
import type { ReportAnswers } from "~/schemas/report";
import { reportIdentifiers } from "~/services/report-submission.server";
import type { Database } from "../../db/schema";

export const TEST_REPORT_ANSWERS: ReportAnswers = {
  danger: { someoneInDanger: false, dangerCountry: null },
  how: { channel: "whatsapp", channelOther: null },
  agent: { phones: ["+923001234567"], profiles: [], names: [], office: "" },
  offer: { fromCountry: "PK", toCountry: "IT", route: ["LY"], transport: "sea", promise: "", peopleOffered: null },
  money: { amountAsked: 8000, currency: "EUR", paymentMethods: ["hawala"], paid: "no", amountPaid: null },
  when: { month: "2026-03", country: "GR", city: "", homeDistrict: "", details: "" },
  contact: { contactWanted: false },
};

type Changes = { [P in keyof ReportAnswers]?: Partial<ReportAnswers[P]> };

/** Files one report; `changes` replaces parts of the answers page by page. */
export async function fileTestReport(
  db: Kysely<Database>,
  changes: Changes = {},
  options: { today?: string; secret?: string } = {},
): Promise<{ id: string; reference: string }> {
  const answers = Object.fromEntries(
    Object.entries(TEST_REPORT_ANSWERS).map(([page, values]) => [page, { ...values, ...changes[page as keyof ReportAnswers] }]),
  ) as ReportAnswers;
  const created = await createReport(db, {
    journeyId: randomUUID(),
    language: "en",
    answers,
    identifiers: reportIdentifiers(answers),
    secretHash: hashReportSecret(options.secret ?? randomUUID()),
    today: options.today ?? "2026-04-01",
  });
  if (!created.ok) throw new Error("the test report was not filed");
  return created;
}
