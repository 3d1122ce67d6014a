import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { InvitationLink, NameAndEmailFields, RoleAndCenterFields } from "~/components/staff-account-fields";
import { ROLES, type Role } from "~/domain/permissions";
import { listAllCenters } from "~/models/center.server";
import { type AdminProblem, INVITATION_TTL_MS, inviteStaffUser, roleNeedsCenter } from "~/models/staff-admin.server";
import { INVITE_FIELDS, InviteSchema } from "~/schemas/staff-account";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { forbidden, noStoreHeaders } from "~/utils/responses";
import { formatMoment, LONG_MOMENT } from "~/utils/format";
import { invitationLink, invitationMail } from "~/mails/staff-invitation.server";
import { WarningText } from "~/components/warning-text";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:invite.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:staff:any");
  const lang = requestLanguage(request);
  const centers = (await listAllCenters(context.db)).filter((c) => c.active);
  return {
    backHref: staffPath(request, "/staff/admin/accounts"),
    centers: centers.map((c) => ({ value: c.slug, label: c.names[lang] })),
    hours: INVITATION_TTL_MS / 3_600_000,
  };
}

const PROBLEM_FIELD: Partial<Record<AdminProblem, [string, string]>> = {
  email_taken: ["email", "staff:validation.emailTaken"],
  center_required: ["center", "staff:validation.centerRequired"],
  center_not_allowed: ["center", "staff:validation.centerNotAllowed"],
  center_invalid: ["center", "staff:validation.centerWrongKind"],
};

type InviteResult = {
  errors: FieldErrors | null;
  values: FormValues;
  invited: { displayName: string; email: string; link: string; expires: string } | null;
};

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "manage:staff:any");
  const formData = await readForm(request);
  const values = formValues(formData);
  const parsed = parseForm(InviteSchema, formData);
  // The center rule runs even when another field failed, so the summary lists every problem at once.
  const role = (ROLES as readonly string[]).includes(values.role ?? "") ? (values.role as Role) : null;
  const centerMissing = role !== null && roleNeedsCenter(role) && !values.center;
  if (!parsed.ok || centerMissing) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(centerMissing ? { center: "staff:validation.centerRequired" } : {}) };
    return data<InviteResult>({ errors, values, invited: null }, { status: 422 });
  }

  const lang = requestLanguage(request);
  const result = await inviteStaffUser(context.db, {
    ...parsed.data,
    centerSlug: parsed.data.center || null,
    role: parsed.data.role as Role,
    actor: staffActor(staff),
    inviteLink: invitationLink(context.env),
    mail: invitationMail(lang),
  });
  context.logger.info({ requestId: context.requestId, outcome: result.ok ? "invited" : result.problem }, "staff invitation");
  if (!result.ok) {
    const field = PROBLEM_FIELD[result.problem];
    if (!field) throw forbidden();
    return data<InviteResult>({ errors: { [field[0]]: field[1] }, values, invited: null }, { status: 422 });
  }
  return data<InviteResult>({
    errors: null,
    values: {},
    invited: {
      displayName: parsed.data.displayName,
      email: parsed.data.email,
      link: result.link,
      expires: formatMoment(lang, result.expiresAt, LONG_MOMENT),
    },
  });
}

export default function InviteStaff() {
  const { t } = useTranslation("staff");
  const { backHref, centers, hours } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.invited) {
    const { invited } = result;
    return (
      <>
        <div className="panel-confirmation">
          <h1 className="heading-l">{t("invite.doneTitle")}</h1>
        </div>
        <p>{t("invite.doneBody", { name: invited.displayName, email: invited.email })}</p>
        <InvitationLink link={invited.link} expires={invited.expires} />
        <WarningText>{t("invite.linkWarning")}</WarningText>
        <ul className="list--bullet">
          <li>
            <a href={backHref}>{t("invite.backToList")}</a>
          </li>
        </ul>
      </>
    );
  }
  const errors = result?.errors ?? undefined;
  const values: FormValues = result?.values ?? {};
  return (
    <>
      <BackLink href={backHref} />
      <ErrorSummary errors={errors} order={INVITE_FIELDS} />
      <h1 className="heading-l">{t("invite.title")}</h1>
      <p>{t("invite.lead", { hours: String(hours) })}</p>
      <Form method="post" noValidate>
        <NameAndEmailFields
          labels={{ name: t("invite.name"), email: t("invite.email"), emailHint: t("invite.emailHint") }}
          own={false}
          errors={errors}
          values={values}
        />
        <RoleAndCenterFields centers={centers} errors={errors} values={values} />
        <button type="submit" className="button">
          {t("invite.submit")}
        </button>
      </Form>
    </>
  );
}
