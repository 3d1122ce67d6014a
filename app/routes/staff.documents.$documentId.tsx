import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordCaseEvent } from "~/models/case-view.server";
import { createStoreDocumentStorage } from "~/models/document-storage.server";
import { readDocument } from "~/models/document.server";
import { noStoreHeaders, requirePermission, staffActor } from "~/utils/auth.server";
import { notFound } from "~/utils/responses";

export const headers = noStoreHeaders;

const EXTENSION = { "image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf" } as const;

/**
 * A document of a case of the staff member's own center, always as a download (never shown
 * inline, so a crafted file cannot run in the portal's origin), and every download audited.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "read:case:center");
  const doc = await context.db
    .selectFrom("document")
    .select(["owner_type", "owner_id"])
    .where("id", "=", params.documentId ?? "")
    .executeTakeFirst();
  if (!doc || !staff.user.centerSlug) throw notFound();
  const applicationId =
    doc.owner_type === "application"
      ? doc.owner_id
      : doc.owner_type === "information_response"
        ? (await context.db.selectFrom("information_request").select("application_id").where("id", "=", doc.owner_id).executeTakeFirst())
            ?.application_id
        : doc.owner_type === "dispute"
          ? (await context.db.selectFrom("dispute").select("application_id").where("id", "=", doc.owner_id).executeTakeFirst())
              ?.application_id
          : undefined;
  const application = applicationId
    ? await context.db.selectFrom("application").select(["id", "center_slug"]).where("id", "=", applicationId).executeTakeFirst()
    : undefined;
  if (!application || application.center_slug !== staff.user.centerSlug) throw notFound();
  const found = await readDocument(context.db, createStoreDocumentStorage(context.db, context.documentKey), params.documentId!);
  if (!found) throw notFound();
  await recordCaseEvent(context.db, {
    ...staffActor(staff),
    action: "document.downloaded",
    entityType: "application",
    entityId: application.id,
    details: { document: found.meta.id, kind: found.meta.kind },
  });
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
