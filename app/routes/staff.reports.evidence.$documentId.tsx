import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadReportEvidence } from "~/models/report-triage.server";
import { requirePermission, staffActor } from "~/services/auth.server";
import { attachmentResponse } from "~/utils/attachment";
import { noStoreHeaders, notFound } from "~/utils/responses";

export const headers = noStoreHeaders;

/**
 * A report's evidence, always as a download (never shown inline, so a crafted file cannot run in the
 * portal's origin), and every download audited. What is served is what the portal rebuilt on upload.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "read:report:any");
  const found = await downloadReportEvidence(context.db, context.documentKey, {
    documentId: params.documentId ?? "",
    actor: staffActor(staff),
  });
  if (!found) throw notFound();
  return attachmentResponse(found.bytes, found.meta.contentType, `evidence-${found.meta.id.slice(0, 8)}`);
}
