/** The scale specs' view of the system: the shared store, which instance served a request, and raw HTTPS through nginx. */
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import { expect, type Page, type Response } from "@playwright/test";
import { openStore, type Store } from "../../db/connect";
import type { StaffTarget } from "../support/staff";
import { BASE_URL, CERTIFICATE_FILE, INSTANCE_NAMES, type InstanceName, instanceLog, NGINX_PORT, scaleRun } from "./scale-env";

export const run = scaleRun();

export function openScaleStore(): Store {
  return openStore({ dialect: "postgres", url: run.databaseUrl }, { poolSize: 2 });
}

export async function withScaleStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = openScaleStore();
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** For e2e/support/staff.ts: accounts go into the shared PostgreSQL store, sealed with the run's key. */
export const SCALE_STAFF: StaffTarget = {
  openStore: openScaleStore,
  documentKey: () => Buffer.from(run.documentKey, "base64"),
  baseUrl: BASE_URL,
};

/** Lines an instance has logged so far, parsed (its standard output is JSON lines from pino). */
export function logLines(name: InstanceName): Record<string, unknown>[] {
  return fs
    .readFileSync(instanceLog(name), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Which instance answered: every response carries X-Request-Id, and the instance that made it
 * wrote that id in its access log line. Polled, since the line may be written just after the answer.
 */
export async function servedBy(requestId: string | undefined): Promise<InstanceName> {
  expect(requestId, "the response has an X-Request-Id").toMatch(/^[0-9a-f-]{36}$/);
  let found: InstanceName[] = [];
  await expect
    .poll(() => {
      found = INSTANCE_NAMES.filter((name) => fs.readFileSync(instanceLog(name), "utf8").includes(`"id":"${requestId}"`));
      return found.length;
    })
    .toBe(1);
  return found[0]!;
}

export const servedByResponse = (response: Response | { headers: () => Record<string, string> }) =>
  servedBy(response.headers()["x-request-id"]);

/** Every page (document) and page-data fetch the browser made in this page, with its method, in order. */
export function recordDocuments(page: Page): { method: string; url: string; status: number; requestId: string | undefined }[] {
  const documents: { method: string; url: string; status: number; requestId: string | undefined }[] = [];
  page.on("response", (response) => {
    if (!["document", "fetch", "xhr"].includes(response.request().resourceType())) return;
    documents.push({
      method: response.request().method(),
      url: response.url(),
      status: response.status(),
      requestId: response.headers()["x-request-id"],
    });
  });
  return documents;
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

type RawRequest = { path: string; method?: string; headers?: Record<string, string>; body?: string; localAddress?: string };

function collect(request: http.ClientRequest, body: string | undefined): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * A request to nginx over TLS from a chosen loopback address (127.0.0.9, …): nginx then sees that
 * address as the client's, while every instance sees nginx's 127.0.0.1 as its peer.
 */
export function viaNginx({ path, method = "GET", headers = {}, body, localAddress }: RawRequest): Promise<RawResponse> {
  const request = https.request({
    host: "127.0.0.1",
    port: NGINX_PORT,
    servername: "localhost",
    ca: fs.readFileSync(CERTIFICATE_FILE),
    path,
    method,
    localAddress,
    agent: false,
    headers: { host: `localhost:${NGINX_PORT}`, ...headers },
  });
  return collect(request, body);
}

/** A plain-http request straight to an instance (no nginx), or to a unix socket. */
export function direct(target: { port: number } | { socketPath: string }, { path, method = "GET", headers = {}, body }: RawRequest) {
  const request = http.request({
    ...("port" in target ? { host: "127.0.0.1", port: target.port } : target),
    path,
    method,
    headers,
    agent: false,
  });
  return collect(request, body);
}
