import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, resolveSecrets } from "./env.server";
import { generateSigningIdentity } from "~/utils/signing-p12.server";

describe("parseEnv", () => {
  it("needs no configuration at all", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
    expect(env.RATE_LIMITS).toBe(true);
  });

  it("names every bad value in one clear message", () => {
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", SESSION_SECRET: "short", DOCUMENT_KEY: "abc" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      for (const name of ["PORT", "DATABASE_URL", "SESSION_SECRET", "DOCUMENT_KEY"]) expect(message).toContain(name);
    }
  });

  it("accepts both store forms and ignores empty values", () => {
    expect(parseEnv({ DATABASE_URL: "file:tmp/x.sqlite" }).DATABASE_URL).toBe("file:tmp/x.sqlite");
    expect(parseEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/db" }).DATABASE_URL).toContain("postgres://");
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });
});

describe("the PDF-signing certificate", () => {
  it("is optional, and when given must be a PKCS#12 that its password opens, with key and certificate", () => {
    const identity = generateSigningIdentity();
    const good = { CERTIFICATE_P12_BASE64: identity.p12.toString("base64"), CERTIFICATE_P12_PASSWORD: identity.password };
    expect(parseEnv(good).CERTIFICATE_P12_BASE64).toBe(good.CERTIFICATE_P12_BASE64);
    for (const bad of [
      { ...good, CERTIFICATE_P12_PASSWORD: "wrong" },
      { CERTIFICATE_P12_BASE64: Buffer.from("not a certificate").toString("base64"), CERTIFICATE_P12_PASSWORD: "x" },
      { CERTIFICATE_P12_PASSWORD: identity.password },
    ]) {
      expect(() => parseEnv(bad)).toThrow(/CERTIFICATE_P12_(BASE64|PASSWORD)/);
    }
  });
});

describe("resolveSecrets", () => {
  it("generates secrets once, keeps them private, and prefers the environment", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-env-"));
    const first = resolveSecrets(parseEnv({ DATA_DIR: dir }));
    const second = resolveSecrets(parseEnv({ DATA_DIR: dir }));
    expect(first.generated).toBe(true);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(first.documentKey.length).toBe(32);
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o077).toBe(0);

    const key = Buffer.alloc(32, 7).toString("base64");
    const given = resolveSecrets(parseEnv({ DATA_DIR: dir, SESSION_SECRET: "s".repeat(40), DOCUMENT_KEY: key }));
    expect(given).toEqual({ sessionSecret: "s".repeat(40), documentKey: Buffer.alloc(32, 7), generated: false });
  });
});
