/**
 * Smuggling reports by the thousand and the million, written as bulk rows shaped like createReport's
 * (a report, its identifiers and the count of reports it links to), for the investigator queue and
 * cluster measurements. Agents come in groups: each group of one to five reports shares a phone
 * number, and every report also names its own profile, so clusters are as small as most real ones
 * and the linked count of every row is known without counting links afterwards.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Kysely } from "kysely";
import { REPORT_STATUSES } from "~/domain/report-actions";
import { newReference } from "~/domain/reference.server";
import { hashReportSecret } from "~/domain/report-secret.server";
import * as z from "zod/mini";
import { CHANNELS, PAYMENT_METHODS, REPORT_PAGE_SCHEMAS, type ReportAnswers } from "~/schemas/report";
import type { Database, NewReport } from "../db/schema";

/**
 * One reporter's answers, produced by the report pages' schemas from what a person would type, so
 * a change to a schema's output shape reaches the bench instead of drifting from it.
 */
export function benchReportAnswers(): ReportAnswers {
  const s = REPORT_PAGE_SCHEMAS;
  return {
    danger: z.parse(s.danger, { someoneInDanger: "no" }),
    how: z.parse(s.how, { channel: "whatsapp" }),
    agent: z.parse(s.agent, { phones: "+92 300 1234567", profiles: "https://www.tiktok.com/@europe.jobs", names: "Malik" }),
    offer: z.parse(s.offer, { fromCountry: "PK", toCountry: "IT", via1: "LY", transport: "sea", peopleOffered: "12" }),
    money: z.parse(s.money, { amountAsked: "8000", currency: "EUR", paymentMethods: "hawala", paid: "no" }),
    when: z.parse(s.when, { whenMonth: "3", whenYear: "2026", country: "GR", city: "Athens" }),
    contact: z.parse(s.contact, { contactWanted: "no" }),
  };
}

export const BENCH_REPORT_DESTINATIONS = ["IT", "GR", "ES", "DE", "FR"] as const;
const ROUTE_COUNTRIES = ["IR", "TR", "LY", "EG", "RS"] as const;
/** new, triaged, forwarded, closed: most reports wait to be looked at. */
const STATUS_WEIGHTS = [0.6, 0.2, 0.1, 0.1] as const;
const GROUP_SIZES = [1, 1, 2, 3, 5] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

function statusOf(n: number): (typeof REPORT_STATUSES)[number] {
  const r = (n * 0.6180339887) % 1;
  let sum = 0;
  for (const [i, w] of STATUS_WEIGHTS.entries()) {
    sum += w;
    if (r < sum) return REPORT_STATUSES[i]!;
  }
  return "closed";
}

/** A group's shared number: a valid Pakistani mobile number that no other group has. */
export function groupPhone(group: number): string {
  return `+92300${String(1_000_000 + group)
    .padStart(7, "0")
    .slice(-7)}`;
}

export type SeededReports = { reports: number; groups: number };

export async function seedReports(
  db: Kysely<Database>,
  count: number,
  options: { rowsPerStatement?: number; rowsPerTransaction?: number; onProgress?: (inserted: number, ms: number) => void } = {},
): Promise<SeededReports> {
  const perStatement = options.rowsPerStatement ?? 400;
  const perTransaction = options.rowsPerTransaction ?? 50_000;
  const started = performance.now();
  // One answers document for every row: the queue and cluster pages never read it.
  const answersJson = JSON.stringify(benchReportAnswers());
  const secretHash = hashReportSecret("bench");
  const today = Date.now();
  // References are random: at a million a repeat is likely, and the store refuses it, as it should.
  const references = new Set<string>();
  const freshReference = () => {
    for (;;) {
      const reference = newReference("report");
      if (!references.has(reference)) {
        references.add(reference);
        return reference;
      }
    }
  };
  let inserted = 0;
  let group = 0;
  let inGroup = 0;
  let groupSize: number = GROUP_SIZES[0];
  while (inserted < count) {
    const target = Math.min(count, inserted + perTransaction);
    await db.transaction().execute(async (trx) => {
      while (inserted < target) {
        const reports: NewReport[] = [];
        const identifiers: Database["report_identifier"][] = [];
        const batch = Math.min(perStatement, target - inserted);
        for (let b = 0; b < batch; b++) {
          const n = inserted + b;
          if (inGroup === groupSize) {
            group += 1;
            inGroup = 0;
            groupSize = pick(GROUP_SIZES, group);
          }
          // The last group of the store may be cut short: its size is what was written.
          const size = Math.min(groupSize, count - (n - inGroup));
          inGroup += 1;
          const id = randomUUID();
          const day = new Date(today - (n % 1000) * DAY_MS).toISOString().slice(0, 10);
          const status = statusOf(n);
          reports.push({
            id,
            reference: freshReference(),
            secret_hash: secretHash,
            submission_key: randomUUID(),
            language: "en",
            status,
            priority: status === "new" ? null : "normal",
            fia_reference: status === "forwarded" ? `FIA/CCW/${n}` : null,
            close_reason: status === "closed" ? "not_enough" : null,
            answers: answersJson,
            channel: pick(CHANNELS, n),
            from_country: "PK",
            to_country: pick(BENCH_REPORT_DESTINATIONS, n),
            route_countries: `,${pick(ROUTE_COUNTRIES, n)},${pick(ROUTE_COUNTRIES, n + 2)},`,
            payment_methods: `,${pick(PAYMENT_METHODS, n)},`,
            offer_month: day.slice(0, 7),
            offer_country: pick(["GR", "IT", "PK"], n),
            someone_in_danger: n % 50 === 0 ? 1 : 0,
            contact_wanted: 0,
            linked_reports: size - 1,
            created_on: day,
            updated_on: day,
          });
          identifiers.push(
            {
              id: randomUUID(),
              report_id: id,
              kind: "phone",
              platform: "phone",
              identifier_key: `phone:${groupPhone(group)}`,
              raw: groupPhone(group),
              flagged: 0,
            },
            {
              id: randomUUID(),
              report_id: id,
              kind: "handle",
              platform: "tiktok",
              identifier_key: `tiktok:agent.${n}`,
              raw: `@agent.${n}`,
              flagged: 0,
            },
          );
        }
        await trx.insertInto("report").values(reports).execute();
        await trx.insertInto("report_identifier").values(identifiers).execute();
        inserted += batch;
      }
    });
    options.onProgress?.(inserted, performance.now() - started);
  }
  return { reports: inserted, groups: group + 1 };
}
