import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { DateRangeFields } from "~/components/date-range-fields";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/text-field";
import { can } from "~/domain/permissions";
import { verifyAuditChain } from "~/models/audit.server";
import {
  type AuditFilter,
  type AuditScope,
  listAuditActors,
  listAuditEvents,
  recordAuditView,
  recordChainVerification,
  resolveAuditEntity,
} from "~/models/audit-log.server";
import { AUDIT_FILTER_FIELDS, AuditQuerySchema } from "~/schemas/audit";
import { requirePermission, requireStaff, type StaffIdentity, staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { formValues, parseForm } from "~/utils/form";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { forbidden, noStoreHeaders } from "~/utils/responses";
import { ScrollableTable } from "~/components/scrollable-table";
import { formatMoment } from "~/utils/format";

export const handle: RouteHandle = {
  i18n: ["staff"],
  title: (t, data) => `${(data as { errors?: unknown } | undefined)?.errors ? `${t("form.errorPrefix")}: ` : ""}${t("staff:audit.title")}`,
};
export const headers = noStoreHeaders;

/** Everything for read:audit:any; a supervisor's own center for read:audit:center; else nothing. */
function auditScope(staff: StaffIdentity): AuditScope | null {
  if (can(staff.user.role, "read:audit:any")) return { kind: "any" };
  if (can(staff.user.role, "read:audit:center") && staff.user.centerSlug) return { kind: "center", centerSlug: staff.user.centerSlug };
  return null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context);
  const scope = auditScope(staff);
  if (!scope) {
    context.logger.info({ requestId: context.requestId, permission: "read:audit" }, "staff request refused: missing permission");
    throw forbidden();
  }
  const lang = requestLanguage(request);
  const url = new URL(request.url);
  const query = new FormData();
  for (const [key, value] of url.searchParams) query.append(key, value);
  const parsed = parseForm(AuditQuerySchema, query);
  const actors = await listAuditActors(context.db, scope);
  const values = formValues(query);
  const link = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(url.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    const search = next.toString();
    return `/staff/audit${search ? `?${search}` : ""}`;
  };
  const common = {
    backHref: staffPath(request, "/staff"),
    clearHref: staffPath(request, "/staff/audit"),
    values,
    actors,
    scope: scope.kind,
    canVerify: can(staff.user.role, "read:audit:any"),
  };
  if (!parsed.ok) return { ...common, errors: parsed.errors, entries: [], olderHref: null, newestHref: null };

  const q = parsed.data;
  const entity = q.entity ? await resolveAuditEntity(context.db, q.entity) : null;
  const filter: AuditFilter = {
    action: q.action || null,
    entityType: q.entityType || null,
    entityId: entity?.entityId ?? null,
    actor: q.actor || null,
    from: q.from || null,
    to: q.to || null,
  };
  const beforeParam = url.searchParams.get("before") ?? "";
  const before = /^\d{1,15}$/.test(beforeParam) ? Number(beforeParam) : null;
  const page = await listAuditEvents(context.db, scope, filter, { before });
  // Reading the log is itself an event in it.
  await recordAuditView(context.db, { actor: staffActor(staff), scope, filter, before, shown: page.entries.length });
  return {
    ...common,
    errors: null,
    entries: page.entries.map((e) => ({
      seq: e.seq,
      when: formatMoment(lang, e.occurredAt, { timeStyle: "medium" }),
      actorType: e.actorType,
      actorName: e.actorName ?? (e.actorId && e.actorType === "staff" ? e.actorId : null),
      action: e.action,
      entityType: e.entityType,
      entity: e.entityLabel ?? e.entityId,
      sessionRef: e.sessionRef,
      details: Object.entries(e.details)
        .map(([k, v]) => `${k}: ${v === null ? "–" : String(v)}`)
        .join(", "),
    })),
    olderHref: page.nextBefore !== null ? link({ before: String(page.nextBefore) }) : null,
    newestHref: before !== null ? link({ before: null }) : null,
  };
}

type VerifyResult = { verification: { intact: boolean; checked: number; seq: number | null; reason: "link" | "content" | null } };

export async function action({ request, context }: ActionFunctionArgs): Promise<VerifyResult> {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "read:audit:any");
  const report = await verifyAuditChain(context.db);
  await recordChainVerification(context.db, { actor: staffActor(staff), report });
  context.logger.info({ requestId: context.requestId, intact: report.ok, checked: report.checked }, "audit chain verified");
  return {
    verification: report.ok
      ? { intact: true, checked: report.checked, seq: null, reason: null }
      : { intact: false, checked: report.checked, seq: report.seq, reason: /previous/.test(report.reason) ? "link" : "content" },
  };
}

export default function AuditLog() {
  const { t } = useTranslation("staff");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = data.errors ?? undefined;
  const v = data.values as Record<string, string | undefined>;
  const filtered = AUDIT_FILTER_FIELDS.some((f) => v[f]);
  const actorName = (entry: (typeof data.entries)[number]) =>
    entry.actorType === "staff" ? (entry.actorName ?? t("audit.actors.unknownStaff")) : t(`audit.actors.${entry.actorType}`);
  return (
    <>
      <BackLink href={data.backHref} />
      <ErrorSummary errors={errors} order={AUDIT_FILTER_FIELDS} />
      {result?.verification ? (
        result.verification.intact ? (
          <div className="notice notice--success" role="status">
            <p>{t("audit.verify.intact", { count: result.verification.checked })}</p>
          </div>
        ) : (
          <div className="notice notice--error" role="alert">
            <p>{t(`audit.verify.broken.${result.verification.reason ?? "content"}`, { seq: String(result.verification.seq) })}</p>
          </div>
        )
      ) : null}
      <h1 className="heading-l">{t("audit.title")}</h1>
      <p>{data.scope === "any" ? t("audit.leadAny") : t("audit.leadCenter")}</p>

      {data.canVerify ? (
        <Form method="post">
          <p className="hint">{t("audit.verify.hint")}</p>
          <button type="submit" className="button button--secondary">
            {t("audit.verify.submit")}
          </button>
        </Form>
      ) : null}

      <details className="filters" open={filtered || Boolean(errors)}>
        <summary>{t("audit.filters")}</summary>
        <Form method="get" noValidate>
          {v.lng ? <input type="hidden" name="lng" value={v.lng} /> : null}
          <TextField
            name="action"
            label={t("audit.action")}
            hint={t("audit.actionHint")}
            spellCheck={false}
            dir="ltr"
            error={errors?.action}
            defaultValue={v.action}
          />
          <TextField
            name="entityType"
            label={t("audit.entityType")}
            hint={t("audit.entityTypeHint")}
            spellCheck={false}
            dir="ltr"
            error={errors?.entityType}
            defaultValue={v.entityType}
          />
          <TextField
            name="entity"
            label={t("audit.entity")}
            hint={t("audit.entityHint")}
            spellCheck={false}
            dir="ltr"
            error={errors?.entity}
            defaultValue={v.entity}
          />
          <div className="form-group">
            <label className="label" htmlFor="actor">
              {t("audit.actor")}
            </label>
            <select className="select" id="actor" name="actor" defaultValue={v.actor ?? ""}>
              <option value="">{t("audit.anyone")}</option>
              <option value="system">{t("audit.actors.system")}</option>
              <option value="applicant">{t("audit.actors.applicant")}</option>
              {data.actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
            </select>
          </div>
          <DateRangeFields errors={errors} values={v} />
          <div className="button-group">
            <button type="submit" className="button">
              {t("audit.apply")}
            </button>
            <a href={data.clearHref}>{t("audit.clear")}</a>
          </div>
        </Form>
      </details>

      {data.entries.length === 0 ? (
        errors ? null : (
          <p>{t("audit.empty")}</p>
        )
      ) : (
        <ScrollableTable caption={t("audit.caption")}>
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.what")}</th>
              <th scope="col">{t("audit.record")}</th>
              <th scope="col">{t("audit.session")}</th>
            </tr>
          </thead>
          <tbody>
            {data.entries.map((e) => (
              <tr key={e.seq}>
                <td>
                  {e.when}
                  <br />
                  <span className="hint">{t("audit.seq", { seq: String(e.seq) })}</span>
                </td>
                <td>{actorName(e)}</td>
                <td>
                  <code dir="ltr">{e.action}</code>
                  {e.details ? (
                    <>
                      <br />
                      <span className="hint break-anywhere" dir="ltr">
                        {e.details}
                      </span>
                    </>
                  ) : null}
                </td>
                <td className="break-anywhere">
                  <code dir="ltr">{e.entityType}</code>
                  {e.entity ? (
                    <>
                      <br />
                      <span dir="ltr">{e.entity}</span>
                    </>
                  ) : null}
                </td>
                <td>{e.sessionRef ? <code dir="ltr">{e.sessionRef}</code> : "–"}</td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      )}
      <nav className="pagination" aria-label={t("audit.pagination")}>
        {data.newestHref ? <a href={data.newestHref}>{t("audit.newest")}</a> : null}
        {data.olderHref ? <a href={data.olderHref}>{t("audit.older")}</a> : null}
      </nav>
    </>
  );
}
