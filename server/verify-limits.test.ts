/**
 * Guessing codes on the public certificate check, against the real production build (run `remix
 * build` first) with rate limits on: each client gets a fixed number of checks, the page says so
 * in the reader's language, and the photo route, which takes the same number and code, is no way
 * around the limit.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CERTIFICATE_PHOTOS, CERTIFICATE_VERIFICATIONS } from "~/services/rate-limit.server";
import { getI18n } from "~/utils/i18n.server";
import { parseEnv, resolveSecrets } from "../app/utils/env.server";
import { openStore } from "../db/connect";
import { migrateToLatest } from "../db/migrate";
import { seedReferenceData } from "../db/seed";
import { createApp } from "./app";

let baseUrl = "";
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  const buildPath = path.resolve("build/index.js");
  if (!fs.existsSync(buildPath)) throw new Error("No production build: run `npm run build` before these tests");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-verify-"));
  const env = parseEnv({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "silent" });
  const store = openStore({ dialect: "sqlite", path: path.join(dir, "portal.sqlite") });
  await migrateToLatest(store.db);
  await seedReferenceData(store.db);
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = createApp({ env, secrets: resolveSecrets(env), store, logger: pino({ level: "silent" }), build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
});

afterAll(() => close());

it("sends the QR code's address to the reader's language, keeping only the code", async () => {
  const res = await fetch(`${baseUrl}/verify/PSC-7KMX-2QRA?code=7KMX2QRFHD&utm=x`, {
    headers: { "accept-language": "el-GR,el;q=0.9,en;q=0.8" },
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  expect(res.headers.get("location")).toBe("/el/verify/PSC-7KMX-2QRA?code=7KMX2QRFHD");
  expect(res.headers.get("vary")).toContain("Accept-Language");
  const bare = await fetch(`${baseUrl}/verify`, { headers: { "accept-language": "it" }, redirect: "manual" });
  expect(bare.headers.get("location")).toBe("/it/verify");
  // Whatever is in the path stays in the path of this site.
  const odd = await fetch(`${baseUrl}/verify/%2F%2Fevil.example`, { redirect: "manual" });
  expect(odd.headers.get("location")).toBe("/en/verify/%2F%2Fevil.example");
});

const guess = (i: number) => `${"23456789ABCDEFGHJKMNPQRSTVWXYZ"[i % 30]}KMX2QRFHD`;

it("lets a client check a fixed number of codes, then says to wait, in the page's language", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < CERTIFICATE_VERIFICATIONS.max; i++)
    statuses.push((await fetch(`${baseUrl}/el/verify/PSC-7KMX-2QRA?code=${guess(i)}`)).status);
  expect(statuses.every((s) => s === 200)).toBe(true);
  const limited = await fetch(`${baseUrl}/el/verify/PSC-7KMX-2QRA?code=ZKMX2QRFHD`);
  expect(limited.status).toBe(429);
  const html = await limited.text();
  expect(html).toContain(getI18n("el").t("errors.tooManyRequests.body"));
  expect(html).not.toContain(getI18n("el").t("verify:result.notFound.heading"));
  // The form counts against the same limit: malformed input is no way around it.
  const form = await fetch(`${baseUrl}/it/verify?index`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ number: "PSC-NOPE", code: "nope" }).toString(),
  });
  expect(form.status).toBe(429);
  expect(await form.text()).toContain(getI18n("it").t("errors.tooManyRequests.body"));
});

it("limits the photo route on its own, with the same answer for every wrong guess", async () => {
  const statuses = new Set<number>();
  for (let i = 0; i < CERTIFICATE_PHOTOS.max; i++)
    statuses.add((await fetch(`${baseUrl}/en/verify/PSC-7KMX-2QRA/photo?code=${guess(i)}`)).status);
  expect([...statuses]).toEqual([404]);
  const limited = await fetch(`${baseUrl}/en/verify/PSC-7KMX-2QRA/photo?code=ZKMX2QRFHD`);
  expect(limited.status).toBe(429);
  expect(limited.headers.get("cache-control")).toBe("no-store");
});
