/**
 * The end-to-end tests' mail server: a real SMTP server (the portal's SMTP_PORT) and a small HTTP
 * read-out of what it received, for specs to check receipts. Started by playwright.config.ts (and
 * playwright.scale.config.ts, whose two mail workers must each mail be sent once, by Message-ID).
 */
import http from "node:http";
import { startTestSmtpServer } from "../../test/support/smtp-server";

const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
const HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2526);

const smtp = await startTestSmtpServer({ port: SMTP_PORT });
http
  .createServer((req, res) => {
    if (req.url === "/healthz") return void res.end("ok");
    const messages = smtp.messages.map(({ envelopeTo, subject, text, messageId }) => ({ to: envelopeTo, subject, text, messageId }));
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(JSON.stringify(messages));
  })
  .listen(HTTP_PORT, "127.0.0.1");
