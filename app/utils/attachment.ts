/**
 * A stored file served as a download, never shown inline: a crafted file cannot run in the portal's
 * origin (sandbox CSP, nosniff), and no cache keeps a copy on a shared computer.
 */
import type { DocumentContentType } from "~/domain/document-rules";

const EXTENSION: Record<DocumentContentType, string> = { "image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf" };

/** `stem` names the file without its extension, which the content type decides. */
export function attachmentResponse(bytes: Uint8Array, contentType: DocumentContentType, stem: string): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${stem}.${EXTENSION[contentType]}"`,
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
