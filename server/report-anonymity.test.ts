/**
 * A whole report, sent from a client with a distinctive address (X-Forwarded-For behind
 * TRUST_PROXY=1) and user agent, then looked for everywhere the portal writes: on SQLite the file
 * and its WAL and shared-memory files and a backup, on PostgreSQL every row of every table; the
 * outbox, and every log line. Neither may appear.
 * Every answer on a report route is also checked for Set-Cookie and for references to other origins.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStoreDocumentStorage } from "../app/models/document-storage.server";
import { backupSqlite } from "../db/backup";
import { sql } from "kysely";
import { decodeEntities, startTestServer, type TestServer } from "../test/support/app-server";
import { postgresAvailable } from "../test/support/stores";

const ADDRESS = "203.0.113.77";
const USER_AGENT = "AnonymityProbe/7.3 (distinctive-agent-string)";
const GPS = { GPSLatitudeRef: "N", GPSLatitude: "37/1 58/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "23/1 43/1 0/1" };

function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no ${name} field on the page`);
  return decodeEntities(match[1]!);
}

function form(html: string, fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams({ state: hidden(html, "state"), screen: hidden(html, "screen"), intent: "continue" });
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return body;
}

function heading(html: string): string {
  return decodeEntities(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "") ?? "");
}

const NEEDLES = [ADDRESS, USER_AGENT, "ProbePhone", "Serial 998877", "IMG_2026_omonia"];

for (const dialect of ["sqlite", "postgres"] as const) {
  describe.skipIf(dialect === "postgres" && !postgresAvailable)(`[${dialect}]`, () => {
    let server: TestServer;
    const answers: { path: string; status: number; setCookie: string | null; html: string }[] = [];

    beforeAll(async () => {
      server = await startTestServer({ TRUST_PROXY: "1" }, { dialect });
    });
    afterAll(async () => {
      await server.close();
    });

    async function send(pathname: string, body?: FormData | URLSearchParams): Promise<string> {
      const response = await fetch(`${server.baseUrl}${pathname}`, {
        method: body ? "POST" : "GET",
        headers: { "X-Forwarded-For": ADDRESS, "User-Agent": USER_AGENT, Origin: server.baseUrl },
        body,
      });
      const html = await response.text();
      answers.push({ path: pathname, status: response.status, setCookie: response.headers.get("set-cookie"), html });
      return html;
    }

    describe("a report leaves no trace of who sent it", () => {
      let reference = "";

      it("goes through the whole journey, evidence with GPS included", async () => {
        let page = await send("/en/report");
        page = await send("/en/report", new URLSearchParams({ intent: "start" }));
        page = await send("/en/report", form(page, { someoneInDanger: "no" }));
        page = await send("/en/report", form(page, { channel: "whatsapp" }));
        page = await send(
          "/en/report",
          form(page, { phones: "+92 300 1234567\n0300-7654321", profiles: "https://www.tiktok.com/@probe.agent", names: "Probe" }),
        );
        page = await send(
          "/en/report",
          form(page, { fromCountry: "PK", toCountry: "IT", via1: "Libya", transport: "sea", peopleOffered: "12" }),
        );
        page = await send(
          "/en/report",
          form(page, { amountAsked: "8000", currency: "EUR", paymentMethods: ["hawala", "guarantor"], paid: "no" }),
        );
        page = await send("/en/report", form(page, { whenMonth: "3", whenYear: "2026", country: "GR", details: "Met in Omonia." }));
        expect(heading(page)).toBe("Screenshots, photos and documents");

        const photo = await sharp({ create: { width: 200, height: 150, channels: 3, background: "#336699" } })
          .jpeg()
          .withExifMerge({ IFD0: { Make: "ProbePhone", Model: "Serial 998877" }, IFD3: GPS })
          .toBuffer();
        const upload = new FormData();
        upload.set("state", hidden(page, "state"));
        upload.set("screen", "evidence");
        upload.set("intent", "continue");
        upload.set("evidence", new File([photo], "IMG_2026_omonia.jpg", { type: "image/jpeg" }));
        page = await send("/en/report", upload);
        page = await send("/en/report", form(page, { contactWanted: "no" }));
        expect(heading(page)).toBe("Check your report before sending it");

        const check = new URLSearchParams({ state: hidden(page, "state"), screen: "check", intent: "submit" });
        page = await send("/en/report", check);
        expect(heading(page)).toBe("Report sent");
        reference = /RPT-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(page)![0];
        const secret = [...page.matchAll(/class="report-secret__group">([A-Z0-9]{4})</g)].map((m) => m[1]).join("");
        expect(secret).toHaveLength(20);

        // Sending the same page again files nothing twice.
        expect(heading(await send("/en/report", check))).toBe("This report has already been sent");

        page = await send("/en/report/follow-up", new URLSearchParams({ intent: "open", reference, secret }));
        expect(heading(page)).toBe("Your report");
        page = await send(
          "/en/report/follow-up",
          new URLSearchParams({ intent: "add", token: hidden(page, "token"), message: "One more number: +30 691 234 5678" }),
        );
        expect(page).toContain("What you sent has been added to the report.");
      });

      it("stores the report with its identifiers linked, its evidence without EXIF, and the day only", async () => {
        const db = server.store.db;
        const report = await db.selectFrom("report").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
        expect(report.created_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const keys = await db
          .selectFrom("report_identifier")
          .select("identifier_key")
          .where("report_id", "=", report.id)
          .orderBy("identifier_key")
          .execute();
        expect(keys.map((k) => k.identifier_key)).toEqual(["phone:+923001234567", "phone:+923007654321", "tiktok:probe.agent"]);
        const documents = await db
          .selectFrom("document")
          .selectAll()
          .where("owner_type", "=", "report")
          .where("owner_id", "=", report.id)
          .execute();
        expect(documents).toHaveLength(1);
        expect(documents[0]!.created_at).toMatch(/T00:00:00\.000Z$/);
        const blob = await db.selectFrom("blob").select("created_at").where("id", "=", documents[0]!.blob_id).executeTakeFirstOrThrow();
        expect(blob.created_at).toMatch(/T00:00:00\.000Z$/);
        const stored = await createStoreDocumentStorage(db, server.secrets.documentKey).get(documents[0]!.blob_id);
        const metadata = await sharp(Buffer.from(stored!)).metadata();
        expect(metadata.format).toBe("jpeg");
        expect(metadata.exif).toBeUndefined();
      });

      it("answers every report request without a cookie, and names no other origin", () => {
        expect(answers.length).toBeGreaterThan(10);
        for (const answer of answers) {
          expect(answer.status, answer.path).toBeLessThan(500);
          expect(answer.setCookie, answer.path).toBeNull();
          // What the page points at or loads; a link the reporter typed is shown as text, not referenced.
          const targets = [...answer.html.matchAll(/\b(?:href|src|action|srcset|formaction|poster|data)="([^"]*)"/gi)].map((m) =>
            decodeEntities(m[1]!),
          );
          const elsewhere = targets.filter((target) => new URL(target, server.baseUrl).origin !== server.baseUrl);
          expect(elsewhere, answer.path).toEqual([]);
        }
      });

      it("writes the address and user agent nowhere: store, backup, outbox, logs", async () => {
        if (dialect === "sqlite") {
          const dataDir = server.env.DATA_DIR;
          const backupDir = path.join(dataDir, "backups");
          await backupSqlite(path.join(dataDir, "portal.sqlite"), backupDir);
          const files = [
            ...fs.readdirSync(dataDir).map((name) => path.join(dataDir, name)),
            ...fs.readdirSync(backupDir).map((name) => path.join(backupDir, name)),
          ];
          expect(files.some((f) => f.endsWith("-wal"))).toBe(true);
          for (const file of files.filter((f) => fs.statSync(f).isFile())) {
            const bytes = fs.readFileSync(file);
            for (const needle of NEEDLES) {
              for (const encoding of ["utf8", "utf16le"] as const) {
                expect(bytes.includes(Buffer.from(needle, encoding)), `${needle} in ${path.basename(file)}`).toBe(false);
              }
            }
          }
        } else {
          // Every row of every table, bytea read as text; the identifiers prove the dump reads real rows.
          const { rows: tables } = await sql<{ table_name: string }>`
            select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
            server.store.db,
          );
          expect(tables.map((t) => t.table_name)).toContain("report");
          for (const { table_name } of tables) {
            const { rows } = await sql`select * from ${sql.table(table_name)}`.execute(server.store.db);
            const text = rows
              .map((row) =>
                Object.values(row as Record<string, unknown>)
                  .map((value) => (Buffer.isBuffer(value) ? value.toString("latin1") : JSON.stringify(value)))
                  .join(" "),
              )
              .join("\n");
            if (table_name === "report_identifier") expect(text).toContain("probe.agent");
            for (const needle of NEEDLES) expect(text.includes(needle), `${needle} in ${table_name}`).toBe(false);
          }
        }
        const outbox = JSON.stringify(await server.store.db.selectFrom("mail_outbox").selectAll().execute());
        expect(outbox).not.toContain(ADDRESS);
        const logs = JSON.stringify(server.logLines);
        expect(logs).not.toContain(ADDRESS);
        expect(logs).not.toContain(USER_AGENT);
        // No access-log line for any report page at all.
        expect(server.logLines.filter((line) => JSON.stringify(line).includes("/report"))).toEqual([]);
      });
    });
  });
}
