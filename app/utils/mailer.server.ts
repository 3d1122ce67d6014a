/**
 * The SMTP transport, built once from the validated configuration. Only the mail worker sends with
 * it: everything else queues mail in the outbox (app/models/outbox.server.ts).
 */
import nodemailer, { type NodemailerError, type Transporter } from "nodemailer";
import type { Logger } from "pino";
import type { Env } from "./env.server";

export type MailTransport = Transporter;

export type SmtpSettings = Pick<Env, "SMTP_HOST" | "SMTP_PORT" | "SMTP_SECURE" | "SMTP_USER" | "SMTP_PASSWORD">;

/**
 * Timeouts bound one send to well under the outbox lease (5 minutes by default), so a slow server
 * cannot make a claimed mail look abandoned while it is still being sent.
 */
const CONNECTION_TIMEOUT_MS = 15_000;
const GREETING_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

let warnedNoSmtp = false;

/**
 * Null when SMTP_HOST is unset: mail then waits in the outbox (nothing is lost) until a server is
 * configured and the portal restarted.
 */
export function createMailTransport(settings: SmtpSettings, logger: Pick<Logger, "warn">): MailTransport | null {
  if (!settings.SMTP_HOST) {
    if (!warnedNoSmtp) {
      warnedNoSmtp = true;
      logger.warn("SMTP_HOST not set: mail stays in the outbox until an SMTP server is configured");
    }
    return null;
  }
  return nodemailer.createTransport({
    host: settings.SMTP_HOST,
    port: settings.SMTP_PORT,
    secure: settings.SMTP_SECURE,
    auth: settings.SMTP_USER ? { user: settings.SMTP_USER, pass: settings.SMTP_PASSWORD ?? "" } : undefined,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    // Message content comes from our own database; it must never make the server read a file or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    // Nodemailer's own logging would print envelopes, i.e. addresses.
    logger: false,
    debug: false,
  });
}

function isNodemailerError(error: unknown): error is NodemailerError {
  return error instanceof Error;
}

const SAFE_TOKEN = /^[A-Za-z0-9_. -]{1,40}$/;

/**
 * A one-line diagnosis of a failed send built only from codes (error code, SMTP reply code,
 * enhanced status, command), never from message text: servers echo addresses in their replies.
 * Example: "EENVELOPE 451 4.3.0 MAIL FROM".
 */
export function summarizeMailError(error: unknown): string {
  if (!isNodemailerError(error)) return "unknown error";
  const parts: string[] = [];
  const push = (value: unknown) => {
    if (typeof value === "string" && SAFE_TOKEN.test(value)) parts.push(value);
    else if (typeof value === "number" && Number.isFinite(value)) parts.push(String(value));
  };
  push(error.code ?? error.name);
  if (error.originalCode && error.originalCode !== error.code) push(error.originalCode);
  push(error.timeoutType);
  push(error.responseCode);
  const enhanced = typeof error.response === "string" ? /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(error.response) : null;
  if (enhanced) push(enhanced[0]);
  push(error.command);
  return parts.join(" ") || "unknown error";
}

/**
 * A recipient refused for good (5xx reply to RCPT TO: no such mailbox, domain does not accept
 * mail): trying again for a day would only repeat it. Every other failure, including a refused
 * login or sender (which would hit every mail alike and is fixed by configuration), is retried.
 */
export function isPermanentRecipientFailure(error: unknown): boolean {
  if (!isNodemailerError(error)) return false;
  const code = typeof error.responseCode === "number" ? error.responseCode : 0;
  return code >= 500 && code < 600 && error.command === "RCPT TO";
}
