/**
 * Narrowing a staff member's view to their own center: the permission says what they may do, the
 * scope says on which cases. A case of another center is "not found", so its existence leaks nothing.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { Permission } from "~/domain/permissions";
import { findCaseCenter } from "~/models/case-view.server";
import { type CertificateSummary, findCertificateByNumber } from "~/models/certificate.server";
import { findDocumentCaseId } from "~/models/document.server";
import { requirePermission, type StaffIdentity } from "./auth.server";
import { notFound } from "~/utils/responses";

export async function requireCaseAccess(
  request: Request,
  context: AppLoadContext,
  caseId: string | undefined,
  permission: Permission,
): Promise<StaffIdentity> {
  const staff = await requirePermission(request, context, permission);
  await requireOwnCenterCase(context, staff, caseId);
  return staff;
}

/** The scope half of the guards below: the case must exist and be of the staff member's own center. */
async function requireOwnCenterCase(context: AppLoadContext, staff: StaffIdentity, caseId: string | null | undefined): Promise<string> {
  const center = caseId ? await findCaseCenter(context.db, caseId) : null;
  if (!caseId || !center || !staff.user.centerSlug || center.centerSlug !== staff.user.centerSlug) throw notFound();
  return caseId;
}

/**
 * As requireCaseAccess, for a document by its id: the case is the one the document belongs to
 * (its application, an answer to one of its questions, a dispute of its certificate).
 */
export async function requireDocumentAccess(
  request: Request,
  context: AppLoadContext,
  documentId: string | undefined,
  permission: Permission,
): Promise<StaffIdentity & { caseId: string }> {
  const staff = await requirePermission(request, context, permission);
  const caseId = await requireOwnCenterCase(context, staff, documentId ? await findDocumentCaseId(context.db, documentId) : null);
  return { ...staff, caseId };
}

/**
 * As requireCaseAccess, for a certificate by its number: another center's certificate, like an
 * unknown number, is not found.
 */
export async function requireCertificateAccess(
  request: Request,
  context: AppLoadContext,
  number: string | undefined,
  permission: Permission,
): Promise<StaffIdentity & { certificate: CertificateSummary }> {
  const staff = await requirePermission(request, context, permission);
  const certificate = number ? await findCertificateByNumber(context.db, number) : null;
  if (!certificate || !staff.user.centerSlug || certificate.centerSlug !== staff.user.centerSlug) throw notFound();
  return { ...staff, certificate };
}
