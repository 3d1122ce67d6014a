import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ErrorSummary } from "~/components/error-summary";
import { NewPasswordFields } from "~/components/staff-account-fields";
import { acceptInvitation, findOpenInvitation } from "~/models/staff-admin.server";
import { PASSWORD_MIN_LENGTH } from "~/schemas/password";
import { AcceptInvitationSchema, PASSWORD_FIELDS } from "~/schemas/staff-invitation";
import { STAFF_LOGIN, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { hashPassword, isCommonPassword } from "~/utils/password.server";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:acceptInvite.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Public: whoever holds the link may choose the password, once, within 72 hours.
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const invitation = token ? await findOpenInvitation(context.db, token) : null;
  return {
    token,
    invitation: invitation ? { displayName: invitation.displayName, email: invitation.email } : null,
    signInHref: staffPath(request, STAFF_LOGIN),
    // The rule the server applies, shown so nobody has to guess it.
    minLength: PASSWORD_MIN_LENGTH,
  };
}

type AcceptResult = { errors: FieldErrors | null; done: boolean; unusable: boolean };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const parsed = parseForm(AcceptInvitationSchema, await readForm(request));
  if (!parsed.ok) return data<AcceptResult>({ errors: parsed.errors, done: false, unusable: false }, { status: 422 });
  const { token, password } = parsed.data;
  if (isCommonPassword(password))
    return data<AcceptResult>({ errors: { password: "staff:validation.passwordCommon" }, done: false, unusable: false }, { status: 422 });
  // Checked before the slow hash, so an unusable link costs no argon2 run.
  if (!(await findOpenInvitation(context.db, token)))
    return data<AcceptResult>({ errors: null, done: false, unusable: true }, { status: 410 });
  const accepted = await acceptInvitation(context.db, { token, passwordHash: await hashPassword(password) });
  context.logger.info({ requestId: context.requestId, outcome: accepted ? "password_set" : "token_unusable" }, "staff invitation accepted");
  return data<AcceptResult>({ errors: null, done: accepted, unusable: !accepted }, { status: accepted ? 200 : 410 });
}

export default function AcceptInvitation() {
  const { t } = useTranslation("staff");
  const { token, invitation, signInHref, minLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.done) {
    return (
      <>
        <div className="panel-confirmation">
          <h1 className="heading-l">{t("acceptInvite.doneTitle")}</h1>
        </div>
        <p>{t("acceptInvite.doneBody")}</p>
        <p>
          <a href={signInHref} className="button" role="button" draggable={false}>
            {t("acceptInvite.signIn")}
          </a>
        </p>
      </>
    );
  }
  if (!invitation || result?.unusable) {
    return (
      <>
        <h1 className="heading-l">{t("acceptInvite.invalidTitle")}</h1>
        <p>{t("acceptInvite.invalidBody")}</p>
      </>
    );
  }
  const errors = result?.errors ?? undefined;
  return (
    <>
      <ErrorSummary errors={errors} order={PASSWORD_FIELDS} />
      <h1 className="heading-l">{t("acceptInvite.title")}</h1>
      <p>{t("acceptInvite.lead", { name: invitation.displayName })}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="token" value={token} />
        {/* Lets password managers store the password under the right account. */}
        <input type="hidden" name="username" value={invitation.email} autoComplete="username" />
        <p>
          {t("acceptInvite.account")} <strong dir="ltr">{invitation.email}</strong>
        </p>
        <NewPasswordFields hint={t("acceptInvite.passwordHint", { min: String(minLength) })} errors={errors} />
        <button type="submit" className="button">
          {t("acceptInvite.submit")}
        </button>
      </Form>
      <p className="hint">{t("acceptInvite.nextStep")}</p>
    </>
  );
}
