import { QUEUE_TABS, type QueueFilter, type QueueTab } from "~/models/queue.server";

function isTab(value: string | null): value is QueueTab {
  return (QUEUE_TABS as readonly (string | null)[]).includes(value);
}

/** The filter as the URL carries it (a GET form: filters are bookmarkable and work without JavaScript). */
export function readQueueQuery(url: URL, staff: { id: string; centerSlug: string | null }) {
  const p = url.searchParams;
  const tab: QueueTab = isTab(p.get("tab")) ? (p.get("tab") as QueueTab) : "new";
  const filter: QueueFilter = {
    centerSlug: staff.centerSlug,
    destination: p.get("destination") || null,
    purpose: p.get("purpose") || null,
    referralCenter: p.get("referral") || null,
    assignedTo: p.get("mine") === "1" ? staff.id : null,
    search: p.get("q")?.slice(0, 100) || null,
    order: p.get("order") === "newest" ? "newest" : "oldest",
  };
  return { tab, filter, after: p.get("after") };
}
