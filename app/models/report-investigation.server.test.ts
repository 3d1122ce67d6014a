import { expect, it } from "vitest";
import { createTestStaff } from "../../test/support/staff-accounts";
import { fileTestReport } from "../../test/support/report-fixture";
import { describeEachStore } from "../../test/support/stores";
import { verifyAuditChain } from "./audit.server";
import {
  countReportTabs,
  findCluster,
  findIdentifierReports,
  findReportForInvestigator,
  listReports,
  REPORT_COUNT_CAP,
  REPORT_PAGE_SIZE,
} from "./report-investigation.server";
import { addReportMessage, markNewsFromReporter } from "./report.server";
import { actOnReport, recordReportOpened } from "./report-triage.server";

const agent = (phones: string[], profiles: string[] = []) => ({ agent: { phones, profiles, names: [], office: "" } });

describeEachStore("investigating smuggling reports", (store) => {
  it("links reports that name one number written three ways, at once and both ways", async () => {
    const { db } = store();
    const first = await fileTestReport(db, agent(["+92 300 1234567"], ["https://www.tiktok.com/@Europe.Jobs"]));
    const second = await fileTestReport(db, { ...agent(["0300-1234567"]), when: { country: "PK" } });
    const third = await fileTestReport(db, { ...agent(["00923001234567"]), when: { country: "IT" } });
    const unrelated = await fileTestReport(db, agent(["+39 312 345 6789"]));
    const view = await findReportForInvestigator(db, first.id);
    expect(view?.linked.map((l) => l.reference).sort()).toEqual([second.reference, third.reference].sort());
    const phone = view?.identifiers.find((i) => i.key === "phone:+923001234567");
    // "This number appears in 3 reports from 3 countries" (Greece, Pakistan, Italy).
    expect(phone).toMatchObject({ reports: 3, countries: 3, flagged: false });
    expect(view?.identifiers.find((i) => i.key === "tiktok:europe.jobs")).toMatchObject({ reports: 1 });
    const linkedCounts = await db.selectFrom("report").select(["id", "linked_reports"]).execute();
    const count = new Map(linkedCounts.map((r) => [r.id, Number(r.linked_reports)]));
    expect([count.get(first.id), count.get(second.id), count.get(third.id), count.get(unrelated.id)]).toEqual([2, 2, 2, 0]);
  });

  it("never shows the secret's hash or the submission key to an investigator", async () => {
    const { db } = store();
    const report = await fileTestReport(db);
    const view = await findReportForInvestigator(db, report.id);
    expect(Object.keys(view ?? {})).not.toContain("secret_hash");
    expect(Object.keys(view ?? {})).not.toContain("submission_key");
    expect(await findReportForInvestigator(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("free text links nothing: two reports saying 'unknown' are not one agent", async () => {
    const { db } = store();
    const a = await fileTestReport(db, agent(["unknown"]));
    await fileTestReport(db, agent(["unknown"]));
    const view = await findReportForInvestigator(db, a.id);
    expect(view?.linked).toEqual([]);
    expect(view?.identifiers).toMatchObject([{ kind: "text", flagged: true, raw: "unknown" }]);
  });
});

describeEachStore("the investigators' queue", (store) => {
  it("filters the queue by channel, payment, destination, route country, month, cluster size and identifier in any form", async () => {
    const { db } = store();
    const a = await fileTestReport(db, { ...agent(["+923001234567"]), how: { channel: "tiktok" } });
    const b = await fileTestReport(db, {
      ...agent(["0300 1234567"]),
      money: { paymentMethods: ["cash", "guarantor"] },
      offer: { toCountry: "GR", route: ["IR", "TR"] },
      when: { month: "2026-05", country: "PK" },
    });
    const c = await fileTestReport(db, agent(["+30 691 234 5678"]));
    const refs = async (filter: Parameters<typeof listReports>[2]) =>
      (await listReports(db, "new", filter)).rows.map((r) => r.reference).sort();
    expect(await refs({})).toEqual([a, b, c].map((r) => r.reference).sort());
    expect(await refs({ channel: "tiktok" })).toEqual([a.reference]);
    expect(await refs({ payment: "guarantor" })).toEqual([b.reference]);
    expect(await refs({ destination: "GR" })).toEqual([b.reference]);
    expect(await refs({ via: "TR" })).toEqual([b.reference]);
    expect(await refs({ via: "LY" })).toEqual([a.reference, c.reference].sort());
    expect(await refs({ month: "2026-05" })).toEqual([b.reference]);
    expect(await refs({ cluster: "2" })).toEqual([a.reference, b.reference].sort());
    expect(await refs({ cluster: "3" })).toEqual([]);
    expect(await refs({ q: "923001234567" })).toEqual([a.reference, b.reference].sort());
    expect(await refs({ q: "wa.me/923001234567" })).toEqual([a.reference, b.reference].sort());
    expect(await refs({ q: "+30 6912345678" })).toEqual([c.reference]);
    expect(await refs({ q: "nobody at all" })).toEqual([]);
  });
});

describeEachStore("the investigators' queue, page by page", (store) => {
  it("pages the newest first without losing or repeating a report, and caps its counts", async () => {
    const { db } = store();
    const filed: string[] = [];
    for (let i = 0; i < REPORT_PAGE_SIZE + 5; i++) {
      const day = `2026-04-${String(1 + (i % 28)).padStart(2, "0")}`;
      filed.push((await fileTestReport(db, agent([]), { today: day })).reference);
    }
    const first = await listReports(db, "new", {});
    expect(first.rows).toHaveLength(REPORT_PAGE_SIZE);
    expect(first.next).not.toBeNull();
    const second = await listReports(db, "new", {}, first.next ?? undefined);
    const seen = [...first.rows, ...second.rows].map((r) => r.reference);
    expect(new Set(seen).size).toBe(filed.length);
    expect(second.next).toBeNull();
    const days = seen.map((_, i) => [...first.rows, ...second.rows][i]!.created_on);
    expect([...days].sort().reverse()).toEqual(days);
    const counts = await countReportTabs(db, {});
    expect(counts.new).toEqual({ count: filed.length, capped: false });
    expect(counts.closed).toEqual({ count: 0, capped: false });
    expect(REPORT_COUNT_CAP).toBeGreaterThan(filed.length);
  });
});

describeEachStore("investigators' actions on a report", (store) => {
  it("triages, asks, forwards to the FIA, closes and opens again, each with one audit row and no reporter data", async () => {
    const { db } = store();
    const investigator = await createTestStaff(db, { role: "investigator", totp: false });
    const report = await fileTestReport(db, { when: { details: "The agent's office is above the bakery" } });
    const actor = { actorType: "staff" as const, actorId: investigator.id, sessionRef: "s1" };
    const act = (input: Parameters<typeof actOnReport>[1]["input"]) =>
      actOnReport(db, { input, reportId: report.id, actor, today: "2026-04-02" });
    expect(await act({ intent: "forward", fiaReference: "FIA/CCW/2026/118" })).toEqual({ ok: true, status: "forwarded" });
    expect(await act({ intent: "forward", fiaReference: "again" })).toEqual({ ok: false, problem: "notAllowed" });
    expect(await act({ intent: "triage", priority: "urgent" })).toEqual({ ok: true, status: "forwarded" });
    expect(await act({ intent: "ask", question: "Which bakery?" })).toEqual({ ok: true, status: "forwarded" });
    expect(await act({ intent: "note", note: "Same office as the Gujrat case" })).toEqual({ ok: true, status: "forwarded" });
    expect(await act({ intent: "close", reason: "dealt_with" })).toEqual({ ok: true, status: "closed" });
    expect(await act({ intent: "ask", question: "Too late" })).toEqual({ ok: false, problem: "notAllowed" });
    expect(await act({ intent: "reopen" })).toEqual({ ok: true, status: "triaged" });
    const missing = await actOnReport(db, { input: { intent: "reopen" }, reportId: "nope", actor, today: "2026-04-02" });
    expect(missing).toEqual({ ok: false, problem: "notFound" });

    const view = await findReportForInvestigator(db, report.id);
    expect(view).toMatchObject({ status: "triaged", priority: "urgent", fia_reference: "FIA/CCW/2026/118", close_reason: null });
    expect(view?.conversation).toEqual([
      { author: "investigator", staffName: "Test Officer", body: "Which bakery?", createdOn: "2026-04-02" },
      { author: "note", staffName: "Test Officer", body: "Same office as the Gujrat case", createdOn: "2026-04-02" },
    ]);
    const events = await db
      .selectFrom("audit_event")
      .select(["action", "details", "actor_id"])
      .where("entity_type", "=", "report")
      .orderBy("seq")
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      "report.forward",
      "report.triage",
      "report.ask",
      "report.note",
      "report.close",
      "report.reopen",
    ]);
    expect(events.every((e) => e.actor_id === investigator.id)).toBe(true);
    const details = events.map((e) => e.details).join(" ");
    for (const text of ["bakery", "Gujrat", "+92", "Which"]) expect(details).not.toContain(text);
    expect(JSON.parse(events[0]!.details)).toEqual({ from: "new", to: "forwarded", fiaReference: "FIA/CCW/2026/118" });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});

describeEachStore("news from the reporter", (store) => {
  it("marks a report the reporter added to, even a closed one, until an investigator opens it", async () => {
    const { db } = store();
    const investigator = await createTestStaff(db, { role: "investigator", totp: false });
    const actor = { actorType: "staff" as const, actorId: investigator.id, sessionRef: "s1" };
    const report = await fileTestReport(db);
    await actOnReport(db, { input: { intent: "close", reason: "not_enough" }, reportId: report.id, actor, today: "2026-04-02" });
    const news = async () => (await listReports(db, "closed", {})).rows.find((r) => r.id === report.id)?.newsFromReporter;
    expect(await news()).toBe(false);
    await addReportMessage(db, {
      reportId: report.id,
      author: "reporter",
      body: "He called again from a new number.",
      today: "2026-04-05",
    });
    expect(await news()).toBe(true);
    expect(await recordReportOpened(db, { actor, reportId: report.id })).toBe(true);
    expect(await news()).toBe(false);
    expect(await recordReportOpened(db, { actor, reportId: report.id })).toBe(false);
    // Files without a message count too; an investigator's own question does not.
    await markNewsFromReporter(db, report.id, "2026-04-06");
    expect(await news()).toBe(true);
    await recordReportOpened(db, { actor, reportId: report.id });
    await addReportMessage(db, { reportId: report.id, author: "investigator", body: "Which number?", today: "2026-04-06" });
    expect(await news()).toBe(false);
    const opened = await db.selectFrom("audit_event").select("details").where("action", "=", "report.viewed").orderBy("seq").execute();
    expect(opened.map((e) => JSON.parse(e.details))).toEqual([{ news: true }, { news: false }, { news: true }]);
  });
});

describeEachStore("identifiers and clusters", (store) => {
  it("lists every report naming one identifier, and follows a cluster through a second identifier", async () => {
    const { db } = store();
    const a = await fileTestReport(db, agent(["+923001234567"]));
    const b = await fileTestReport(db, agent(["03001234567"], ["https://t.me/route_master"]));
    const c = await fileTestReport(db, agent([], ["@route_master"]), { today: "2026-04-03" });
    const d = await fileTestReport(db, agent([], ["https://telegram.me/Route_Master"]));
    const e = await fileTestReport(db, agent(["+39 312 345 6789"]));
    const named = await findIdentifierReports(db, "phone:+923001234567");
    expect(named?.reports.map((r) => r.reference).sort()).toEqual([a.reference, b.reference].sort());
    expect(named?.reports.map((r) => r.raw).sort()).toEqual(["+923001234567", "03001234567"]);
    expect(await findIdentifierReports(db, "phone:+10000000000")).toBeNull();
    const cluster = await findCluster(db, a.id);
    // c wrote "@route_master" on a WhatsApp offer: no platform, so it stays text and links nothing.
    expect(cluster?.reports.map((r) => r.reference).sort()).toEqual([a.reference, b.reference, d.reference].sort());
    expect(cluster?.reports[0]?.reference).toBe(a.reference);
    expect(cluster?.identifiers.map((i) => [i.key, i.reportIds.length]).sort()).toEqual([
      ["phone:+923001234567", 2],
      ["telegram:route_master", 2],
    ]);
    expect(cluster?.truncated).toBe(false);
    expect((await findCluster(db, e.id))?.reports).toHaveLength(1);
    expect(c.reference).toMatch(/^RPT-/);
  });
});
