/**
 * The back office queue: cases by tab, filtered and searched, oldest first, a page at a time.
 * Pages use a keyset (submitted_at, id), never OFFSET, and counts stop at a cap, so a page costs
 * the same with a thousand cases as with a million.
 */
import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import { parseCnic } from "~/domain/cnic";
import { CLOSED_STATUSES } from "~/domain/lifecycle";
import { parseReference } from "~/domain/reference";
import { type Holidays, NO_HOLIDAYS, slaState, type SlaState } from "~/domain/sla";
import type { ApplicationStatus, Database } from "../../db/schema";

export const QUEUE_TABS = ["new", "in_review", "waiting", "ready", "closed"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

const TAB_STATUSES: Record<QueueTab, readonly ApplicationStatus[]> = {
  new: ["submitted"],
  in_review: ["in_review"],
  waiting: ["waiting_for_applicant"],
  ready: ["approved"],
  closed: CLOSED_STATUSES,
};

export type QueueFilter = {
  /** null: every center (only for roles whose scope is "any"). */
  centerSlug: string | null;
  destination?: string | null;
  purpose?: string | null;
  referralCenter?: string | null;
  assignedTo?: string | null;
  search?: string | null;
  order?: "oldest" | "newest";
};

export type QueueRow = {
  id: string;
  reference: string;
  fullName: string;
  status: ApplicationStatus;
  centerSlug: string;
  destination: string;
  purpose: string;
  assignedTo: string | null;
  submittedAt: string;
  sla: SlaState;
};

/** Beyond this a tab says "500+": an officer works the oldest first, and exact counts would cost a scan. */
export const COUNT_CAP = 500;

type AppQuery = SelectQueryBuilder<Database, "application", object>;

/** What a search box entry means: a reference, a CNIC, a passport number, or the start of a name. */
export function interpretSearch(input: string): { kind: "reference" | "cnic" | "passport" | "name"; value: string } | null {
  const text = input.trim();
  if (!text) return null;
  const reference = parseReference(text, "application");
  if (reference) return { kind: "reference", value: reference };
  const cnic = parseCnic(text);
  if (cnic.ok) return { kind: "cnic", value: cnic.value };
  const compact = text.toUpperCase().replace(/[\s-]/g, "");
  if (/^[A-Z0-9]{6,9}$/.test(compact) && /\d/.test(compact)) return { kind: "passport", value: compact };
  return { kind: "name", value: text.toLocaleLowerCase() };
}

function applyFilter(query: AppQuery, filter: QueueFilter): AppQuery {
  let q = query;
  if (filter.centerSlug) q = q.where("center_slug", "=", filter.centerSlug);
  if (filter.destination) q = q.where("destination_country", "=", filter.destination);
  if (filter.purpose) q = q.where("purpose", "=", filter.purpose);
  if (filter.referralCenter) q = q.where("referral_center_slug", "=", filter.referralCenter);
  if (filter.assignedTo) q = q.where("assigned_to", "=", filter.assignedTo);
  const search = filter.search ? interpretSearch(filter.search) : null;
  if (search?.kind === "reference") q = q.where("reference", "=", search.value);
  if (search?.kind === "cnic") q = q.where("cnic", "=", search.value);
  if (search?.kind === "passport") q = q.where("passport_number", "=", search.value);
  // A name prefix as a range, so the index on name_search serves it on both dialects.
  if (search?.kind === "name") q = q.where("name_search", ">=", search.value).where("name_search", "<", `${search.value}\uffff`);
  return q;
}

/** The cases of one status in a tab; "new" leaves out relatives' applications until the holder confirms. */
function ofStatus(filter: QueueFilter, tab: QueueTab, status: ApplicationStatus, db: Kysely<Database>): AppQuery {
  const query = applyFilter(db.selectFrom("application"), filter).where("status", "=", status);
  return tab === "new" ? query.where((eb) => eb.or([eb("authority_status", "is", null), eb("authority_status", "=", "confirmed")])) : query;
}

type Cursor = { at: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    return typeof at === "string" && typeof id === "string" ? { at, id } : null;
  } catch {
    return null;
  }
}

export async function listQueue(
  db: Kysely<Database>,
  tab: QueueTab,
  filter: QueueFilter,
  { limit = 25, after = null as string | null, now = new Date(), holidays = NO_HOLIDAYS as Holidays } = {},
): Promise<{ rows: QueueRow[]; next: string | null }> {
  const newest = filter.order === "newest";
  const cursor = decodeCursor(after);
  // One indexed query per status, merged here: a database cannot read several status ranges of an
  // index in submitted_at order, and sorting every closed case of a center would cost seconds.
  const perStatus = await Promise.all(
    TAB_STATUSES[tab].map((status) => {
      let query = ofStatus(filter, tab, status, db);
      if (cursor) {
        query = query.where((eb) =>
          newest
            ? eb.or([eb("submitted_at", "<", cursor.at), eb.and([eb("submitted_at", "=", cursor.at), eb("id", "<", cursor.id)])])
            : eb.or([eb("submitted_at", ">", cursor.at), eb.and([eb("submitted_at", "=", cursor.at), eb("id", ">", cursor.id)])]),
        );
      }
      return query
        .select(["id", "reference", "full_name", "status", "center_slug", "destination_country", "purpose", "assigned_to", "submitted_at"])
        .orderBy("submitted_at", newest ? "desc" : "asc")
        .orderBy("id", newest ? "desc" : "asc")
        .limit(limit + 1)
        .execute();
    }),
  );
  const direction = newest ? -1 : 1;
  const rows = perStatus
    .flat()
    .sort(
      (a, b) =>
        direction * (a.submitted_at < b.submitted_at ? -1 : a.submitted_at > b.submitted_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({
      id: r.id,
      reference: r.reference,
      fullName: r.full_name,
      status: r.status,
      centerSlug: r.center_slug,
      destination: r.destination_country,
      purpose: r.purpose,
      assignedTo: r.assigned_to,
      submittedAt: r.submitted_at,
      sla: slaState(r.submitted_at, now, holidays),
    })),
    next: rows.length > limit && last ? encodeCursor({ at: last.submitted_at, id: last.id }) : null,
  };
}

/** Cases per tab, counted up to COUNT_CAP (shown as "500+"), so counting stays cheap at any size. */
export async function countTabs(db: Kysely<Database>, filter: QueueFilter): Promise<Record<QueueTab, { count: number; capped: boolean }>> {
  const countStatus = async (tab: QueueTab, status: ApplicationStatus) => {
    const row = await db
      .selectFrom(
        ofStatus(filter, tab, status, db)
          .select(sql<number>`1`.as("one"))
          .limit(COUNT_CAP + 1)
          .as("capped"),
      )
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const entries = await Promise.all(
    QUEUE_TABS.map(async (tab) => {
      const n = (await Promise.all(TAB_STATUSES[tab].map((status) => countStatus(tab, status)))).reduce((a, b) => a + b, 0);
      return [tab, { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<QueueTab, { count: number; capped: boolean }>;
}

/** Every staff member of a center by id, disabled ones too: the queue names whoever a case is assigned to. */
export async function listCenterStaffNames(db: Kysely<Database>, centerSlug: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom("staff_user").select(["id", "display_name"]).where("center_slug", "=", centerSlug).execute();
  return new Map(rows.map((s) => [s.id, s.display_name]));
}

/** Every matching case of a tab, for the CSV export (in pages, so memory stays flat). */
export async function* exportQueue(db: Kysely<Database>, tab: QueueTab, filter: QueueFilter): AsyncGenerator<QueueRow> {
  let after: string | null = null;
  do {
    const page = await listQueue(db, tab, filter, { limit: 500, after });
    yield* page.rows;
    after = page.next;
  } while (after);
}
