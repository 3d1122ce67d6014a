import { describe, expect, it, vi } from "vitest";
import { startTestSmtpServer } from "../../test/support/smtp-server";
import { parseEnv } from "./env.server";
import { createMailTransport, summarizeMailError } from "./mailer.server";

describe("mail transport", () => {
  it("is null without SMTP_HOST, with one warning however often it is asked for", () => {
    const logger = { warn: vi.fn() };
    expect(createMailTransport(parseEnv({}), logger)).toBeNull();
    expect(createMailTransport(parseEnv({}), logger)).toBeNull();
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it("logs in with SMTP_USER and SMTP_PASSWORD, and reports a refused login without the secret", async () => {
    const smtp = await startTestSmtpServer({ auth: { user: "portal", pass: "s3cret-Passw0rd" } });
    const logger = { warn: vi.fn() };
    const settings = { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_USER: "portal" };
    const good = createMailTransport(parseEnv({ ...settings, SMTP_PASSWORD: "s3cret-Passw0rd" }), logger);
    const bad = createMailTransport(parseEnv({ ...settings, SMTP_PASSWORD: "wrong" }), logger);
    try {
      await good?.sendMail({ from: "no-reply@pscg.example", to: "holder@example.org", subject: "Test", text: "Καλημέρα" });
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]?.text?.trimEnd()).toBe("Καλημέρα");

      const error = await bad
        ?.sendMail({ from: "no-reply@pscg.example", to: "holder@example.org", subject: "Test", text: "x" })
        .catch((e: unknown) => e);
      const summary = summarizeMailError(error);
      expect(summary).toMatch(/^EAUTH 535 AUTH/);
      expect(summary).not.toContain("wrong");
      expect(smtp.messages).toHaveLength(1);
    } finally {
      good?.close();
      bad?.close();
      await smtp.close();
    }
  });
});

describe("mail error summary", () => {
  it("keeps codes and drops the server's text, which may quote addresses", () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <amina@example.org> unknown"), {
      code: "EENVELOPE",
      response: "550 5.1.1 <amina@example.org>: Recipient address rejected",
      responseCode: 550,
      command: "RCPT TO",
    });
    expect(summarizeMailError(error)).toBe("EENVELOPE 550 5.1.1 RCPT TO");
    expect(
      summarizeMailError(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ESOCKET", originalCode: "ECONNREFUSED", command: "CONN" }),
      ),
    ).toBe("ESOCKET ECONNREFUSED CONN");
    expect(summarizeMailError(Object.assign(new Error("x"), { code: "<amina@example.org>" }))).toBe("unknown error");
    expect(summarizeMailError("not an error")).toBe("unknown error");
  });
});
