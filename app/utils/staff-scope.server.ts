/**
 * Narrowing a staff member's view to their own center: the permission says what they may do, the
 * scope says on which cases. A case of another center is "not found", so its existence leaks nothing.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { Permission } from "~/domain/permissions";
import { findCaseCenter } from "~/models/case-view.server";
import { type CertificateSummary, findCertificateByNumber } from "~/models/certificate.server";
import { requirePermission, type StaffIdentity } from "./auth.server";
import { notFound } from "./responses";

export async function requireCaseAccess(
  request: Request,
  context: AppLoadContext,
  caseId: string | undefined,
  permission: Permission,
): Promise<StaffIdentity> {
  const staff = await requirePermission(request, context, permission);
  const center = caseId ? await findCaseCenter(context.db, caseId) : null;
  if (!center || !staff.user.centerSlug || center.centerSlug !== staff.user.centerSlug) throw notFound();
  return staff;
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
