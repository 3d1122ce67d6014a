/**
 * A real SMTP server in the test process, for tests that must see what actually went over the
 * wire: the outbox worker's, and the end-to-end journeys that send mail. It keeps every accepted
 * message, decoded enough to check recipient, subject and UTF-8 text (Urdu, Greek), and can be
 * told to refuse mail with a temporary error, as a mail server under maintenance does.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerError } from "smtp-server";

export type ReceivedMessage = {
  /** Envelope sender and recipients (MAIL FROM / RCPT TO), not the headers. */
  envelopeFrom: string | null;
  envelopeTo: string[];
  /** Header names in lower case, values unfolded with encoded words decoded. */
  headers: Record<string, string>;
  subject: string;
  messageId: string | null;
  /** Decoded text/plain and text/html parts, line breaks as "\n". */
  text: string | null;
  html: string | null;
  raw: Buffer;
};

export type TestSmtpServer = {
  port: number;
  messages: ReceivedMessage[];
  /** While on, MAIL FROM is answered with `code` (451: try again later). */
  reject: (on: boolean, code?: number) => void;
  /** Refuses every recipient (RCPT TO) with this reply code, e.g. 550 for an unknown mailbox. */
  rejectRecipients: (on: boolean, code?: number) => void;
  /**
   * Holds the reply to each received message (the sender waits, as with a slow server) until the
   * returned function is called. Messages are recorded on arrival, before the reply.
   */
  holdReplies: () => () => void;
  /** Resolves once `count` messages have arrived (or rejects after timeoutMs). */
  waitForMessages: (count: number, timeoutMs?: number) => Promise<ReceivedMessage[]>;
  close: () => Promise<void>;
};

export type TestSmtpOptions = {
  /** 0 (default) picks a free port; pass a port to bring a "crashed" server back where it was. */
  port?: number;
  /** When set, the server requires these credentials (over plain text: tests only). */
  auth?: { user: string; pass: string };
};

export async function startTestSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = [];
  let rejectCode: number | null = null;
  let recipientRejectCode: number | null = null;
  let held: Promise<void> | null = null;
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: !options.auth,
    // No TLS here (no certificate to manage in tests), so AUTH must be allowed in plain text.
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(smtpError("Authentication failed", 535));
      }
    },
    onMailFrom(_address, _session, callback) {
      if (rejectCode !== null) callback(smtpError("Service temporarily unavailable, try again later", rejectCode));
      else callback();
    },
    onRcptTo(_address, _session, callback) {
      if (recipientRejectCode !== null) callback(smtpError("Recipient address rejected", recipientRejectCode));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          ...parseMessage(raw),
          envelopeFrom: mailFrom ? mailFrom.address : null,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        for (const wake of waiters) wake();
        if (held) void held.then(() => callback());
        else callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    messages,
    rejectRecipients: (on, code = 550) => {
      recipientRejectCode = on ? code : null;
    },
    reject: (on, code = 451) => {
      rejectCode = on ? code : null;
    },
    holdReplies: () => {
      let release = () => {};
      held = new Promise<void>((resolve) => {
        release = () => {
          held = null;
          resolve();
        };
      });
      return release;
    },
    waitForMessages: (count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timeout);
          waiters.delete(check);
          resolve(messages);
        };
        const timeout = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages, got ${messages.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function smtpError(message: string, responseCode: number): SMTPServerError {
  const error: SMTPServerError = new Error(message);
  error.responseCode = responseCode;
  return error;
}

// --- a small MIME reader: enough for what Nodemailer writes, not a general parser -------------

type Part = { headers: Record<string, string>; body: string };

/** Bytes as a string of code points 0-255, so binary-safe offsets work on the raw message. */
function latin1(bytes: Buffer): string {
  return bytes.toString("latin1");
}

function splitPart(source: string): Part {
  const end = source.indexOf("\r\n\r\n");
  const head = end === -1 ? source : source.slice(0, end);
  const body = end === -1 ? "" : source.slice(end + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= decodeEncodedWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** RFC 2047: adjacent encoded words are joined as bytes first, since a character may span two. */
function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g;
  let out = "";
  let last = 0;
  let pending: { charset: string; bytes: Buffer[] } | null = null;
  const flush = () => {
    if (pending) out += new TextDecoder(pending.charset).decode(Buffer.concat(pending.bytes));
    pending = null;
  };
  for (let match = word.exec(value); match; match = word.exec(value)) {
    const between = value.slice(last, match.index);
    const [, charset = "utf-8", encoding = "B", text = ""] = match;
    if (!(pending && /^\s*$/.test(between) && pending.charset === charset.toLowerCase())) {
      flush();
      out += between;
    }
    const bytes =
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64")
        : Buffer.from(decodeQuotedPrintableBytes(text.replace(/_/g, " ")), "latin1");
    pending ??= { charset: charset.toLowerCase(), bytes: [] };
    pending.bytes.push(bytes);
    last = match.index + match[0].length;
  }
  flush();
  return out + value.slice(last);
}

function decodeQuotedPrintableBytes(text: string): string {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function param(header: string | undefined, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="?([^";]+)"?`, "i").exec(header ?? "");
  return match?.[1];
}

function decodeBody(part: Part): string {
  const encoding = (part.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const charset = param(part.headers["content-type"], "charset") ?? "utf-8";
  const bytes =
    encoding === "base64"
      ? Buffer.from(part.body.replace(/\s+/g, ""), "base64")
      : Buffer.from(encoding === "quoted-printable" ? decodeQuotedPrintableBytes(part.body) : part.body, "latin1");
  return new TextDecoder(charset).decode(bytes).replace(/\r\n/g, "\n");
}

function collectTextParts(part: Part, found: { text: string | null; html: string | null }): void {
  const type = (part.headers["content-type"] ?? "text/plain").split(";")[0]!.trim().toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = param(part.headers["content-type"], "boundary");
    if (!boundary) return;
    const sections = part.body.split(`--${boundary}`);
    // Before the first delimiter is the preamble; after the closing "--" the epilogue.
    for (const section of sections.slice(1)) {
      if (section.startsWith("--")) break;
      collectTextParts(splitPart(section.replace(/^\r\n/, "").replace(/\r\n$/, "")), found);
    }
    return;
  }
  if (type === "text/plain" && found.text === null) found.text = decodeBody(part);
  if (type === "text/html" && found.html === null) found.html = decodeBody(part);
}

export function parseMessage(raw: Buffer): Omit<ReceivedMessage, "envelopeFrom" | "envelopeTo" | "raw"> {
  const root = splitPart(latin1(raw));
  const found = { text: null as string | null, html: null as string | null };
  collectTextParts(root, found);
  return {
    headers: root.headers,
    subject: root.headers["subject"] ?? "",
    messageId: root.headers["message-id"] ?? null,
    text: found.text,
    html: found.html,
  };
}
