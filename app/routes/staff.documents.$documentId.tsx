import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadCaseDocument } from "~/models/case-view.server";
import { staffActor } from "~/services/auth.server";
import { attachmentResponse } from "~/utils/attachment";
import { noStoreHeaders, notFound } from "~/utils/responses";
import { requireDocumentAccess } from "~/services/staff-scope.server";

export const headers = noStoreHeaders;

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
  return attachmentResponse(found.bytes, found.meta.contentType, `${found.meta.kind}-${found.meta.id.slice(0, 8)}`);
}
