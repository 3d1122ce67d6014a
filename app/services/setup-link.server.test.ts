import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { isSetupTokenUsable } from "~/models/setup-token.server";
import { insertStaffUser } from "~/models/staff-user.server";
import { createTestStore, type TestStore } from "../../test/support/stores";
import { announceSetupLink, removeSetupLink, setupLinkPath } from "./setup-link.server";

let store: TestStore;
let dataDir = "";
const PUBLIC_URL = "https://pcc.example.gov.pk";

beforeAll(async () => {
  store = await createTestStore("sqlite");
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-setup-link-"));
});
afterAll(async () => {
  await store?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it("writes the link to a 0600 file in the data directory and says only where it is", async () => {
  const said: string[] = [];
  // A permissive umask must not widen the file.
  const umask = process.umask(0o000);
  let file: string | null;
  try {
    file = await announceSetupLink(store.db, { dataDir, publicUrl: PUBLIC_URL }, (text) => said.push(text));
  } finally {
    process.umask(umask);
  }
  expect(file).toBe(setupLinkPath(dataDir));
  expect(fs.statSync(file!).mode & 0o777).toBe(0o600);
  const link = fs.readFileSync(file!, "utf8").trim();
  const token = new URL(link).searchParams.get("token")!;
  expect(link).toBe(`${PUBLIC_URL}/staff/setup?token=${token}`);
  expect(await isSetupTokenUsable(store.db, token)).toBe(true);

  const printed = said.join("\n");
  expect(printed).toContain(file!);
  expect(printed).not.toContain(token);
  expect(printed).not.toContain("token=");
  // Written by rename: no temporary file is left beside it.
  expect(fs.readdirSync(dataDir)).toEqual([path.basename(file!)]);
});

it("replaces the file with a new link at the next start, and the old link stops working", async () => {
  const first = new URL(fs.readFileSync(setupLinkPath(dataDir), "utf8").trim()).searchParams.get("token")!;
  await announceSetupLink(store.db, { dataDir, publicUrl: PUBLIC_URL }, () => {});
  const second = new URL(fs.readFileSync(setupLinkPath(dataDir), "utf8").trim()).searchParams.get("token")!;
  expect(second).not.toBe(first);
  expect(await isSetupTokenUsable(store.db, first)).toBe(false);
  expect(fs.statSync(setupLinkPath(dataDir)).mode & 0o777).toBe(0o600);
});

it("removes the file once an administrator exists, and issues no new link", async () => {
  await store.db.transaction().execute((trx) =>
    insertStaffUser(trx, {
      email: "first.admin@police.example.pk",
      displayName: "First Admin",
      passwordHash: null,
      role: "admin",
      centerSlug: null,
    }),
  );
  const said: string[] = [];
  expect(await announceSetupLink(store.db, { dataDir, publicUrl: PUBLIC_URL }, (text) => said.push(text))).toBeNull();
  expect(fs.existsSync(setupLinkPath(dataDir))).toBe(false);
  expect(said).toEqual([]);
  // Removing a file that is already gone is not an error (setup completed, then a restart).
  expect(() => removeSetupLink(dataDir)).not.toThrow();
});
