import type { IncomingMessage, ServerResponse } from "node:http";
import { pino, type Logger } from "pino";
import { pinoHttp } from "pino-http";
import { isAnonymousPath } from "../app/domain/anonymous-routes";

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "pscg" },
    // Belt and braces: these never belong in a log line, whatever a caller passes.
    redact: {
      paths: ["*.password", "*.token", "*.secret", "*.cookie", "*.authorization", "*.email", "*.cnic", "*.passport"],
      censor: "[redacted]",
    },
  });
}

/**
 * One line per request: id, method, path without its query (queries can hold secrets), status and
 * duration. No client address, user agent, cookies or headers: those are personal data.
 */
export function createAccessLogger(logger: Logger): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return pinoHttp({
    logger,
    // The id the first middleware put on the response, so the header and the log line agree.
    genReqId: (_req: IncomingMessage, res: ServerResponse) => String(res.getHeader("x-request-id") ?? ""),
    autoLogging: { ignore: (req: IncomingMessage) => isAnonymousPath(new URL(req.url ?? "/", "http://x").pathname) },
    quietReqLogger: true,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
    customSuccessMessage: () => "request completed",
    customErrorMessage: () => "request failed",
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        path: new URL(req.url ?? "/", "http://x").pathname,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
