import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { Radios } from "~/components/radios";
import { SelectField } from "~/components/select-field";
import { SummaryList } from "~/components/summary-list";
import { ROLES, type Role } from "~/domain/permissions";
import { listAllCenters } from "~/models/center.server";
import {
  type AdminOutcome,
  type AdminProblem,
  changeStaffRole,
  findStaffAccount,
  reinviteStaffUser,
  resetStaffTotp,
  roleNeedsCenter,
  setStaffUserDisabled,
  unlockStaffUser,
} from "~/models/staff-admin.server";
import { ROLE_FIELDS, RoleSchema } from "~/schemas/staff-account";
import { noStoreHeaders, requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { forbidden, notFound } from "~/utils/responses";
import { formatMoment, LONG_MOMENT } from "~/utils/format";
import { invitationLink, invitationMail } from "~/mails/staff-invitation.server";

const INTENTS = ["role", "disable", "enable", "unlock", "reset_totp", "reinvite"] as const;
type Intent = (typeof INTENTS)[number];

export const handle: RouteHandle = {
  i18n: ["staff"],
  title: (t, data) => (data as { account?: { displayName: string } } | undefined)?.account?.displayName ?? t("staff:accounts.title"),
};
export const headers = noStoreHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "manage:staff:any");
  const account = await findStaffAccount(context.db, params.id ?? "");
  if (!account) throw notFound();
  const lang = requestLanguage(request);
  const centers = await listAllCenters(context.db);
  const done = new URL(request.url).searchParams.get("done");
  return {
    backHref: staffPath(request, "/staff/admin/accounts"),
    account: {
      ...account,
      centerName: account.centerSlug ? (centers.find((c) => c.slug === account.centerSlug)?.names[lang] ?? account.centerSlug) : null,
      created: formatMoment(lang, account.createdAt, LONG_MOMENT),
      lockedUntil: account.lockedUntil ? formatMoment(lang, account.lockedUntil, LONG_MOMENT) : null,
    },
    isSelf: account.id === staff.user.id,
    // A closed center is offered only to the account already tied to it.
    centers: centers.filter((c) => c.active || c.slug === account.centerSlug).map((c) => ({ value: c.slug, label: c.names[lang] })),
    notice: (INTENTS as readonly string[]).includes(done ?? "") || done === "unchanged" ? (done as Intent | "unchanged") : null,
  };
}

const PROBLEM_MESSAGE: Record<Exclude<AdminProblem, "not_found" | "actor_not_admin">, string> = {
  self: "staff:account.problems.self",
  email_taken: "staff:validation.emailTaken",
  center_required: "staff:validation.centerRequired",
  center_not_allowed: "staff:validation.centerNotAllowed",
  center_invalid: "staff:validation.centerWrongKind",
  not_invited: "staff:account.problems.notInvited",
};

type AccountResult = {
  errors: FieldErrors | null;
  values: FormValues;
  /** A refusal that belongs to no field (acting on oneself, an account that has a password already). */
  problem: string | null;
  invitation: { link: string; expires: string } | null;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "manage:staff:any");
  const staffUserId = params.id ?? "";
  const formData = await readForm(request);
  const values = formValues(formData);
  const intent = values.intent as Intent;
  if (!(INTENTS as readonly string[]).includes(intent))
    return data<AccountResult>({ errors: null, values, problem: null, invitation: null }, { status: 400 });
  const actor = staffActor(staff);
  const lang = requestLanguage(request);

  const refuse = (problem: AdminProblem) => {
    if (problem === "not_found") throw notFound();
    if (problem === "actor_not_admin") throw forbidden();
    const message = PROBLEM_MESSAGE[problem];
    return problem.startsWith("center")
      ? data<AccountResult>({ errors: { center: message }, values, problem: null, invitation: null }, { status: 422 })
      : data<AccountResult>({ errors: null, values, problem: message, invitation: null }, { status: 422 });
  };

  if (intent === "reinvite") {
    const result = await reinviteStaffUser(context.db, {
      staffUserId,
      actor,
      inviteLink: invitationLink(context.env),
      mail: invitationMail(lang),
    });
    context.logger.info({ requestId: context.requestId, intent, outcome: result.ok ? "done" : result.problem }, "staff account change");
    if (!result.ok) return refuse(result.problem);
    // Shown once, here: a redirect would have to carry the secret in its URL.
    return data<AccountResult>({
      errors: null,
      values: {},
      problem: null,
      invitation: { link: result.link, expires: formatMoment(lang, result.expiresAt, LONG_MOMENT) },
    });
  }

  let outcome: AdminOutcome;
  if (intent === "role") {
    const parsed = parseForm(RoleSchema, formData);
    if (!parsed.ok) return data<AccountResult>({ errors: parsed.errors, values, problem: null, invitation: null }, { status: 422 });
    const role = parsed.data.role as Role;
    if (roleNeedsCenter(role) && !parsed.data.center) {
      return data<AccountResult>(
        { errors: { center: "staff:validation.centerRequired" }, values, problem: null, invitation: null },
        { status: 422 },
      );
    }
    outcome = await changeStaffRole(context.db, { staffUserId, role, centerSlug: parsed.data.center || null, actor });
  } else if (intent === "disable" || intent === "enable") {
    outcome = await setStaffUserDisabled(context.db, { staffUserId, disabled: intent === "disable", actor });
  } else if (intent === "unlock") {
    outcome = await unlockStaffUser(context.db, { staffUserId, actor });
  } else {
    outcome = await resetStaffTotp(context.db, { staffUserId, actor });
  }
  context.logger.info(
    { requestId: context.requestId, intent, outcome: outcome.ok ? (outcome.changed ? "done" : "unchanged") : outcome.problem },
    "staff account change",
  );
  if (!outcome.ok) return refuse(outcome.problem);
  throw redirect(staffPath(request, `/staff/admin/accounts/${staffUserId}`, { done: outcome.changed ? intent : "unchanged" }));
}

/** One button in its own form: each change is one POST, and works without JavaScript. */
function ActionButton({ intent, label, warning = false }: { intent: Intent; label: string; warning?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <button type="submit" name="intent" value={intent} className={warning ? "button button--warning" : "button button--secondary"}>
        {label}
      </button>
    </Form>
  );
}

export default function StaffAccount() {
  const { t } = useTranslation("staff");
  const { backHref, account, isSelf, centers, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const values: FormValues = result?.values ?? {};
  const roleValues = values.intent === "role" ? values : { role: account.role, center: account.centerSlug ?? "" };
  return (
    <>
      <BackLink href={backHref} />
      <ErrorSummary errors={errors} order={ROLE_FIELDS} />
      {result?.problem ? (
        <div className="notice notice--error" role="alert">
          <p>{t(result.problem)}</p>
        </div>
      ) : notice && !result ? (
        <div className="notice notice--success" role="status">
          <p>{t(`account.done.${notice}`)}</p>
        </div>
      ) : null}
      <p className="hint">{t("account.caption")}</p>
      <h1 className="heading-l">{account.displayName}</h1>
      <SummaryList
        rows={[
          { key: "email", label: t("accounts.email"), value: account.email },
          { key: "role", label: t("accounts.role"), value: t(`roles.${account.role}`) },
          { key: "center", label: t("accounts.center"), value: account.centerName ?? t("accounts.noCenter") },
          {
            key: "status",
            label: t("accounts.status"),
            value:
              account.status === "locked" && account.lockedUntil
                ? `${t("accounts.statuses.locked")} (${t("account.lockedUntil", { date: account.lockedUntil })})`
                : t(`accounts.statuses.${account.status}`),
          },
          {
            key: "twoFactor",
            label: t("accounts.twoFactor"),
            value: account.totpSetUp ? t("accounts.twoFactorSetUp") : t("accounts.twoFactorNotSetUp"),
          },
          { key: "created", label: t("account.created"), value: account.created },
        ]}
      />

      {result?.invitation ? (
        <div className="notice notice--success" role="status">
          <p>{t("account.invitationRenewed")}</p>
          <div className="form-group">
            <label className="label" htmlFor="invitation-link">
              {t("invite.linkLabel")}
            </label>
            <p className="hint" id="invitation-link-hint">
              {t("invite.linkHint", { date: result.invitation.expires })}
            </p>
            <input
              className="input"
              id="invitation-link"
              type="text"
              readOnly
              value={result.invitation.link}
              dir="ltr"
              spellCheck={false}
              aria-describedby="invitation-link-hint"
            />
          </div>
          <p>
            <strong>{t("invite.linkWarning")}</strong>
          </p>
        </div>
      ) : null}

      <h2 className="heading-m">{t("account.roleHeading")}</h2>
      {isSelf ? (
        <p>{t("account.selfRole")}</p>
      ) : (
        <Form method="post" noValidate>
          <Radios
            name="role"
            legend={t("invite.role")}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            error={errors?.role}
            defaultValue={roleValues.role}
          />
          <SelectField
            name="center"
            label={t("invite.center")}
            hint={t("invite.centerHint")}
            options={centers}
            error={errors?.center}
            defaultValue={roleValues.center}
            placeholder={t("invite.noCenter")}
          />
          <p className="hint">{t("account.roleChangeEndsSessions")}</p>
          <button type="submit" name="intent" value="role" className="button">
            {t("account.saveRole")}
          </button>
        </Form>
      )}

      <h2 className="heading-m">{t("account.accessHeading")}</h2>
      {isSelf ? (
        <p>{t("account.selfAccess")}</p>
      ) : (
        <>
          {account.status === "invited" ? (
            <>
              <p>{t("account.invitedBody")}</p>
              <ActionButton intent="reinvite" label={t("account.reinvite")} />
            </>
          ) : null}
          {account.lockedUntil ? (
            <>
              <p>{t("account.lockedBody", { date: account.lockedUntil })}</p>
              <ActionButton intent="unlock" label={t("account.unlock")} />
            </>
          ) : null}
          {account.totpSetUp ? (
            <>
              <p>{t("account.resetTotpBody")}</p>
              <ActionButton intent="reset_totp" label={t("account.resetTotp")} />
            </>
          ) : null}
          {account.status === "disabled" ? (
            <>
              <p>{t("account.enableBody")}</p>
              <ActionButton intent="enable" label={t("account.enable")} />
            </>
          ) : (
            <>
              <p>{t("account.disableBody")}</p>
              <ActionButton intent="disable" label={t("account.disable")} warning />
            </>
          )}
        </>
      )}
    </>
  );
}
