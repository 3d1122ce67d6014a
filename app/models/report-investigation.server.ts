/**
 * Smuggling reports as investigators read them: the queue by status with its filters, one report
 * with everything it says, the reports that name one identifier, and a report's cluster (the
 * reports reachable through shared identifiers). Reading is not audited here; exports are.
 */
import type { Kysely, SelectQueryBuilder } from "kysely";
import { REPORT_STATUSES } from "~/domain/report-actions";
import { identifierKey, readSearchIdentifier } from "~/domain/report-identifiers";
import type { ReportQuery } from "~/schemas/report-investigation";
import type { ReportAnswers } from "~/schemas/report";
import type { Database, ReportStatus, ReportTable } from "../../db/schema";
import { type DocumentMeta, listDocuments } from "./document.server";

export const REPORT_PAGE_SIZE = 25;
/** Tabs count up to this many (shown as "500+"), so counting stays cheap at any size. */
export const REPORT_COUNT_CAP = 500;
/** A cluster is followed up to this many reports; a bigger one says so and shows the nearest. */
export const CLUSTER_CAP = 60;

export type ReportFilter = Omit<ReportQuery, "tab" | "after">;

/** The identifier key a search box's text stands for, read the same way as a report's lines. */
export function searchKey(q: string | undefined): string | null {
  return q ? identifierKey(readSearchIdentifier(q)) : null;
}

type ReportQueryBuilder = SelectQueryBuilder<Database, "report", object>;

function filtered(db: Kysely<Database>, status: ReportStatus, filter: ReportFilter): ReportQueryBuilder {
  let query = db.selectFrom("report").where("report.status", "=", status);
  if (filter.channel) query = query.where("report.channel", "=", filter.channel);
  if (filter.destination) query = query.where("report.to_country", "=", filter.destination);
  // Stored as ",IR,TR,LY," and ",hawala,cash,", so one LIKE finds an entry anywhere in the list.
  if (filter.via) query = query.where("report.route_countries", "like", `%,${filter.via},%`);
  if (filter.payment) query = query.where("report.payment_methods", "like", `%,${filter.payment},%`);
  if (filter.month) query = query.where("report.offer_month", "=", filter.month);
  if (filter.cluster) query = query.where("report.linked_reports", ">=", Number(filter.cluster) - 1);
  const key = searchKey(filter.q);
  if (key) {
    // Driven from the identifier's index (a handful of reports), never a check of every report in the tab.
    query = query.where("report.id", "in", (eb) =>
      eb.selectFrom("report_identifier").select("report_identifier.report_id").where("report_identifier.identifier_key", "=", key),
    );
  }
  return query;
}

export type TabCount = { count: number; capped: boolean };

export async function countReportTabs(db: Kysely<Database>, filter: ReportFilter): Promise<Record<ReportStatus, TabCount>> {
  const entries = await Promise.all(
    REPORT_STATUSES.map(async (status) => {
      const row = await db
        .selectFrom(
          filtered(db, status, filter)
            .select("report.id")
            .limit(REPORT_COUNT_CAP + 1)
            .as("capped"),
        )
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const n = Number(row.n);
      return [status, { count: Math.min(n, REPORT_COUNT_CAP), capped: n > REPORT_COUNT_CAP }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ReportStatus, TabCount>;
}

export type QueuedReport = Pick<
  ReportTable,
  "id" | "reference" | "channel" | "to_country" | "offer_country" | "priority" | "created_on" | "fia_reference"
> & { linkedReports: number; someoneInDanger: boolean; newsFromReporter: boolean };

/** The cursor is the last row's "created_on|id": the newest first, stable while reports come in. */
function readCursor(after: string | undefined): { on: string; id: string } | null {
  const match = after?.match(/^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/);
  return match ? { on: match[1]!, id: match[2]! } : null;
}

export async function listReports(
  db: Kysely<Database>,
  status: ReportStatus,
  filter: ReportFilter,
  after?: string,
): Promise<{ rows: QueuedReport[]; next: string | null }> {
  let query = filtered(db, status, filter).select([
    "report.id",
    "report.reference",
    "report.channel",
    "report.to_country",
    "report.offer_country",
    "report.priority",
    "report.created_on",
    "report.fia_reference",
    "report.linked_reports",
    "report.someone_in_danger",
    "report.news_from_reporter",
  ]);
  const cursor = readCursor(after);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([eb("report.created_on", "<", cursor.on), eb.and([eb("report.created_on", "=", cursor.on), eb("report.id", "<", cursor.id)])]),
    );
  }
  const rows = await query
    .orderBy("report.created_on", "desc")
    .orderBy("report.id", "desc")
    .limit(REPORT_PAGE_SIZE + 1)
    .execute();
  const page = rows.slice(0, REPORT_PAGE_SIZE).map(({ linked_reports, someone_in_danger, news_from_reporter, ...row }) => ({
    ...row,
    linkedReports: Number(linked_reports),
    someoneInDanger: Boolean(someone_in_danger),
    newsFromReporter: Boolean(news_from_reporter),
  }));
  const last = page.at(-1);
  return { rows: page, next: rows.length > REPORT_PAGE_SIZE && last ? `${last.created_on}|${last.id}` : null };
}

export type IdentifierSpread = {
  key: string;
  kind: "phone" | "handle" | "text";
  platform: string;
  raw: string;
  flagged: boolean;
  /** Reports naming it, this one included, and the countries those offers were made in. */
  reports: number;
  countries: number;
};

export type ReportConversationEntry = {
  author: "reporter" | "investigator" | "note";
  staffName: string | null;
  body: string;
  createdOn: string;
};

export type InvestigatedReport = Omit<
  ReportTable,
  "secret_hash" | "submission_key" | "answers" | "linked_reports" | "news_from_reporter"
> & {
  answers: ReportAnswers;
  identifiers: IdentifierSpread[];
  evidence: DocumentMeta[];
  conversation: ReportConversationEntry[];
  linked: LinkedReport[];
};

export type LinkedReport = { reportId: string; reference: string; status: ReportStatus; offerCountry: string; sharedKeys: string[] };

/** Groups rows by a key, in the order the keys first appear. */
function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * The reports that share a phone number or profile with this one (free text links nothing: two
 * reports saying "unknown" are not one agent), newest first, up to 500, with the keys they share.
 */
export async function findLinkedReports(db: Kysely<Database>, reportId: string): Promise<LinkedReport[]> {
  const rows = await db
    .selectFrom("report_identifier as mine")
    .innerJoin("report_identifier as theirs", "theirs.identifier_key", "mine.identifier_key")
    .innerJoin("report", "report.id", "theirs.report_id")
    .select(["report.id", "report.reference", "report.status", "report.offer_country", "mine.identifier_key as key"])
    .where("mine.report_id", "=", reportId)
    .where("theirs.report_id", "<>", reportId)
    .where("mine.kind", "<>", "text")
    .orderBy("report.created_on", "desc")
    .orderBy("report.id")
    .limit(500)
    .execute();
  return [...groupBy(rows, (row) => row.id).values()].map((group) => ({
    reportId: group[0]!.id,
    reference: group[0]!.reference,
    status: group[0]!.status,
    offerCountry: group[0]!.offer_country,
    sharedKeys: group.map((row) => row.key),
  }));
}

/** Reports and the countries of their offers, per identifier key. */
async function spreadOf(db: Kysely<Database>, keys: readonly string[]): Promise<Map<string, { reports: number; countries: number }>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom("report_identifier")
    .innerJoin("report", "report.id", "report_identifier.report_id")
    .select((eb) => [
      "report_identifier.identifier_key as key",
      eb.fn.count<number>("report_identifier.report_id").distinct().as("reports"),
      eb.fn.count<number>("report.offer_country").distinct().as("countries"),
    ])
    .where("report_identifier.identifier_key", "in", keys)
    .groupBy("report_identifier.identifier_key")
    .execute();
  return new Map(rows.map((r) => [r.key, { reports: Number(r.reports), countries: Number(r.countries) }]));
}

/** Everything a report says, for the investigator; never the secret's hash or the submission key. */
export async function findReportForInvestigator(db: Kysely<Database>, reportId: string): Promise<InvestigatedReport | null> {
  const row = await db
    .selectFrom("report")
    .select([
      "id",
      "reference",
      "language",
      "status",
      "priority",
      "fia_reference",
      "close_reason",
      "answers",
      "channel",
      "from_country",
      "to_country",
      "route_countries",
      "payment_methods",
      "offer_month",
      "offer_country",
      "someone_in_danger",
      "contact_wanted",
      "created_on",
      "updated_on",
    ])
    .where("id", "=", reportId)
    .executeTakeFirst();
  if (!row) return null;
  const [identifierRows, evidence, messages, linkRows] = await Promise.all([
    db
      .selectFrom("report_identifier")
      .select(["identifier_key", "kind", "platform", "raw", "flagged"])
      .where("report_id", "=", reportId)
      .orderBy("kind")
      .orderBy("identifier_key")
      .execute(),
    listDocuments(db, "report", reportId),
    db
      .selectFrom("report_message")
      .leftJoin("staff_user", "staff_user.id", "report_message.staff_id")
      .select(["report_message.author", "report_message.body", "report_message.created_on", "staff_user.display_name"])
      .where("report_message.report_id", "=", reportId)
      .orderBy("report_message.seq")
      .execute(),
    findLinkedReports(db, reportId),
  ]);
  const spread = await spreadOf(
    db,
    identifierRows.filter((i) => i.kind !== "text").map((i) => i.identifier_key),
  );
  const { answers, ...rest } = row;
  return {
    ...rest,
    // Written by createReport from the journey's parsed answers, and only read back here.
    answers: JSON.parse(answers) as ReportAnswers,
    identifiers: identifierRows.map((i) => ({
      key: i.identifier_key,
      kind: i.kind,
      platform: i.platform,
      raw: i.raw,
      flagged: Boolean(i.flagged),
      ...(spread.get(i.identifier_key) ?? { reports: 1, countries: 1 }),
    })),
    evidence,
    conversation: messages.map((m) => ({ author: m.author, staffName: m.display_name, body: m.body, createdOn: m.created_on })),
    linked: linkRows,
  };
}

export type ReportSummary = {
  id: string;
  reference: string;
  status: ReportStatus;
  offerCountry: string;
  toCountry: string;
  createdOn: string;
};

const SUMMARY = [
  "report.id",
  "report.reference",
  "report.status",
  "report.offer_country",
  "report.to_country",
  "report.created_on",
] as const;

function toSummary(row: {
  id: string;
  reference: string;
  status: ReportStatus;
  offer_country: string;
  to_country: string;
  created_on: string;
}): ReportSummary {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    offerCountry: row.offer_country,
    toCountry: row.to_country,
    createdOn: row.created_on,
  };
}

/** Every report naming one identifier (newest first, up to 500), and how it was written in each. */
export async function findIdentifierReports(
  db: Kysely<Database>,
  key: string,
): Promise<{ kind: string; platform: string; reports: (ReportSummary & { raw: string })[]; more: boolean } | null> {
  const rows = await db
    .selectFrom("report_identifier")
    .innerJoin("report", "report.id", "report_identifier.report_id")
    .select([...SUMMARY, "report_identifier.raw", "report_identifier.kind", "report_identifier.platform"])
    .where("report_identifier.identifier_key", "=", key)
    .orderBy("report.created_on", "desc")
    .orderBy("report.id", "desc")
    .limit(501)
    .execute();
  const first = rows[0];
  if (!first) return null;
  return {
    kind: first.kind,
    platform: first.platform,
    reports: rows.slice(0, 500).map((r) => ({ ...toSummary(r), raw: r.raw })),
    more: rows.length > 500,
  };
}

export type Cluster = {
  reports: ReportSummary[];
  identifiers: { key: string; kind: string; platform: string; reportIds: string[] }[];
  /** True when the cluster goes on beyond CLUSTER_CAP reports. */
  truncated: boolean;
};

/**
 * The reports reachable from one report through shared identifiers (not free text), nearest first,
 * breadth first up to CLUSTER_CAP reports; with every identifier that joins two of them.
 */
export async function findCluster(db: Kysely<Database>, reportId: string): Promise<Cluster | null> {
  const start = await db.selectFrom("report").select(SUMMARY).where("report.id", "=", reportId).executeTakeFirst();
  if (!start) return null;
  const seen = new Set([reportId]);
  const order = [reportId];
  const seenKeys = new Set<string>();
  let frontier = [reportId];
  let truncated = false;
  while (frontier.length > 0 && !truncated) {
    const keys = await db
      .selectFrom("report_identifier")
      .select("identifier_key")
      .distinct()
      .where("report_id", "in", frontier)
      .where("kind", "<>", "text")
      .execute();
    const fresh = keys.map((k) => k.identifier_key).filter((k) => !seenKeys.has(k));
    fresh.forEach((k) => seenKeys.add(k));
    if (fresh.length === 0) break;
    const reached = await db
      .selectFrom("report_identifier")
      .select("report_id")
      .distinct()
      .where("identifier_key", "in", fresh)
      .orderBy("report_id")
      .limit(CLUSTER_CAP * 4)
      .execute();
    frontier = [];
    for (const { report_id } of reached) {
      if (seen.has(report_id)) continue;
      if (order.length >= CLUSTER_CAP) {
        truncated = true;
        break;
      }
      seen.add(report_id);
      order.push(report_id);
      frontier.push(report_id);
    }
    if (reached.length >= CLUSTER_CAP * 4) truncated = true;
  }
  const [reportRows, links] = await Promise.all([
    db.selectFrom("report").select(SUMMARY).where("report.id", "in", order).execute(),
    db
      .selectFrom("report_identifier")
      .select(["identifier_key", "kind", "platform", "report_id"])
      .where("report_id", "in", order)
      .where("kind", "<>", "text")
      .orderBy("identifier_key")
      .execute(),
  ]);
  const byId = new Map(reportRows.map((r) => [r.id, toSummary(r)]));
  const identifiers = [...groupBy(links, (link) => link.identifier_key).values()].map((group) => ({
    key: group[0]!.identifier_key,
    kind: group[0]!.kind,
    platform: group[0]!.platform,
    reportIds: group.map((link) => link.report_id),
  }));
  return {
    reports: order.map((id) => byId.get(id)).filter((r): r is ReportSummary => r !== undefined),
    // An identifier named by one report only joins nothing; the picture would only grow.
    identifiers: identifiers.filter((i) => i.reportIds.length > 1),
    truncated,
  };
}
