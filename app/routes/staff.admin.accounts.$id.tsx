import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { StaffAccountAccess } from "~/components/staff-account-access";
import { InvitationLink, RoleAndCenterFields } from "~/components/staff-account-fields";
import { SummaryList } from "~/components/summary-list";
import { type Role } from "~/domain/permissions";
import { listAllCenters } from "~/models/center.server";
import { type AdminProblem, findStaffAccount, roleNeedsCenter } from "~/models/staff-admin.server";
import { type AccountIntent, isAccountIntent, ROLE_FIELDS, RoleSchema } from "~/schemas/staff-account";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { type AccountChange, changeStaffAccount } from "~/services/staff-account-intents.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import { formatMoment, LONG_MOMENT } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { forbidden, noStoreHeaders, notFound } from "~/utils/responses";

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
    notice: isAccountIntent(done ?? undefined) || done === "unchanged" ? (done as AccountIntent | "unchanged") : null,
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
  const intent = values.intent;
  if (!isAccountIntent(intent)) return data<AccountResult>({ errors: null, values, problem: null, invitation: null }, { status: 400 });
  const invalid = (errors: FieldErrors) => data<AccountResult>({ errors, values, problem: null, invitation: null }, { status: 422 });
  const lang = requestLanguage(request);

  let change: AccountChange;
  if (intent === "role") {
    const parsed = parseForm(RoleSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors);
    const role = parsed.data.role as Role;
    if (roleNeedsCenter(role) && !parsed.data.center) return invalid({ center: "staff:validation.centerRequired" });
    change = { intent, role, centerSlug: parsed.data.center || null };
  } else {
    change = intent === "reinvite" ? { intent, lang } : { intent };
  }

  const outcome = await changeStaffAccount(context, { staffUserId, actor: staffActor(staff), change });
  if (!outcome.ok) {
    if (outcome.problem === "not_found") throw notFound();
    if (outcome.problem === "actor_not_admin") throw forbidden();
    const message = PROBLEM_MESSAGE[outcome.problem];
    return outcome.problem.startsWith("center")
      ? invalid({ center: message })
      : data<AccountResult>({ errors: null, values, problem: message, invitation: null }, { status: 422 });
  }
  if (outcome.invitation) {
    // Shown once, here: a redirect would have to carry the secret in its URL.
    const { link, expiresAt } = outcome.invitation;
    return data<AccountResult>({
      errors: null,
      values: {},
      problem: null,
      invitation: { link, expires: formatMoment(lang, expiresAt, LONG_MOMENT) },
    });
  }
  throw redirect(staffPath(request, `/staff/admin/accounts/${staffUserId}`, { done: outcome.changed ? intent : "unchanged" }));
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
          <InvitationLink link={result.invitation.link} expires={result.invitation.expires} />
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
          <RoleAndCenterFields centers={centers} errors={errors} values={roleValues} />
          <p className="hint">{t("account.roleChangeEndsSessions")}</p>
          <button type="submit" name="intent" value="role" className="button">
            {t("account.saveRole")}
          </button>
        </Form>
      )}

      <h2 className="heading-m">{t("account.accessHeading")}</h2>
      {isSelf ? <p>{t("account.selfAccess")}</p> : <StaffAccountAccess account={account} />}
    </>
  );
}
