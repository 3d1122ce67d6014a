import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadCaseDocument } from "~/models/case-view.server";
import { noStoreHeaders, staffActor } from "~/services/auth.server";
import { notFound } from "~/utils/responses";
import { requireDocumentAccess } from "~/services/staff-scope.server";

export const headers = noStoreHeaders;

const EXTENSION = { "image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf" } as const;

/**
 * A document of a case of the staff member's own center, always as a download (never shown
 * inline, so a crafted file cannot run in the portal's origin), and every download audited.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requireDocumentAccess(request, context, params.documentId, "read:case:center");
  const found = await downloadCaseDocument(context.db, context.documentKey, {
    documentId: params.documentId!,
    applicationId: staff.caseId,
    actor: staffActor(staff),
  });
  if (!found) throw notFound();
  return new Response(Buffer.from(found.bytes), {
    headers: {
      "Content-Type": found.meta.contentType,
      "Content-Length": String(found.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${found.meta.kind}-${found.meta.id.slice(0, 8)}.${EXTENSION[found.meta.contentType]}"`,
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "no-store",
    },
  });
}
