import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ErrorSummary } from "~/components/error-summary";
import { EmailField, TextField } from "~/components/text-field";
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS, signInWithPassword } from "~/models/staff-sign-in.server";
import { SIGN_IN_FIELDS, StaffSignInSchema } from "~/schemas/staff-sign-in";
import {
  destinationAfterSignIn,
  readStaffSession,
  requestedDestination,
  sessionCookie,
  sessionToken,
  STAFF_SIGN_IN_FAILURES,
  staffPath,
  takeSignInAttempt,
  TOTP_PAGE,
  TOTP_SETUP_PAGE,
} from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:signIn.title") };
export const headers = noStoreHeaders;

type Notice = "signedOut" | "sessionEnded" | "locked" | null;

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Public page; someone already signed in goes straight on.
  const session = await readStaffSession(request, context);
  if (session?.data.stage === "full") throw redirect(destinationAfterSignIn(request));
  const params = new URL(request.url).searchParams;
  const notice: Notice =
    params.get("signedOut") === "1"
      ? "signedOut"
      : params.get("locked") === "1"
        ? "locked"
        : params.get("ended") === "1"
          ? "sessionEnded"
          : null;
  return {
    notice,
    attempts: MAX_FAILED_SIGN_INS,
    lockoutMinutes: LOCKOUT_MS / 60_000,
    limitMinutes: STAFF_SIGN_IN_FAILURES.windowMs / 60_000,
  };
}

type SignInResult = { errors: FieldErrors | null; values: FormValues; limited: boolean };

export async function action({ request, context }: ActionFunctionArgs): Promise<SignInResult> {
  assertSameOrigin(request, context);
  const formData = await readForm(request);
  // The password is never sent back.
  const values = { email: formValues(formData).email ?? "" };
  const parsed = parseForm(StaffSignInSchema, formData);
  if (!parsed.ok) return { errors: parsed.errors, values, limited: false };
  const attempt = await takeSignInAttempt(context);
  if (!attempt.allowed) {
    context.logger.warn({ requestId: context.requestId, outcome: "client_limited" }, "staff sign-in");
    return { errors: null, values, limited: true };
  }
  const result = await signInWithPassword(context.db, { ...parsed.data, previousToken: sessionToken(request) });
  context.logger.info(
    {
      requestId: context.requestId,
      outcome: result.ok ? "password_accepted" : result.reason,
      lockedNow: result.ok ? false : result.lockedNow,
    },
    "staff sign-in",
  );
  // One message for an unknown address, a wrong password, a disabled or locked account.
  if (!result.ok) return { errors: { email: "staff:validation.signInIncorrect" }, values, limited: false };
  await attempt.succeeded();
  const next = result.totpConfirmed ? TOTP_PAGE : TOTP_SETUP_PAGE;
  throw redirect(staffPath(request, next, { redirectTo: requestedDestination(request) }), {
    headers: { "Set-Cookie": sessionCookie(context, result.session) },
  });
}

export default function StaffSignIn() {
  const { t } = useTranslation("staff");
  const { notice, attempts, lockoutMinutes, limitMinutes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  return (
    <>
      <ErrorSummary errors={errors} order={SIGN_IN_FIELDS} />
      {result?.limited ? (
        <div className="notice" role="alert">
          <p>{t("signIn.tooManyAttempts", { minutes: String(limitMinutes) })}</p>
        </div>
      ) : notice && !result ? (
        <div className={notice === "signedOut" ? "notice notice--success" : "notice"} role="status">
          <p>{t(`signIn.notice.${notice}`, { minutes: String(lockoutMinutes) })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("signIn.title")}</h1>
      <Form method="post" noValidate>
        <EmailField
          name="email"
          label={t("setup.email")}
          autoComplete="username"
          error={errors?.email}
          defaultValue={result?.values.email}
        />
        <TextField name="password" type="password" label={t("setup.password")} autoComplete="current-password" error={errors?.password} />
        <button type="submit" className="button">
          {t("signIn.submit")}
        </button>
      </Form>
      <p className="hint">{t("signIn.lockoutHint", { attempts: String(attempts), minutes: String(lockoutMinutes) })}</p>
    </>
  );
}
