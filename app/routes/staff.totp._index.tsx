import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ErrorSummary } from "~/components/error-summary";
import { TooManyTries } from "~/components/too-many-tries";
import { TotpCodeForm } from "~/components/totp-code-form";
import { completeSignIn } from "~/models/staff-sign-in.server";
import { CODE_FIELDS, StaffCodeSchema } from "~/schemas/staff-sign-in";
import {
  clearedSessionCookie,
  destinationAfterSignIn,
  requirePendingSignIn,
  sessionCookie,
  STAFF_LOGIN,
  staffPath,
  takeSignInAttempt,
} from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:totp.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePendingSignIn(request, context, "code");
  return null;
}

type CodeResult = { errors: FieldErrors | null; limited: boolean };

export async function action({ request, context }: ActionFunctionArgs): Promise<CodeResult> {
  assertSameOrigin(request, context);
  const pending = await requirePendingSignIn(request, context, "code");
  const parsed = parseForm(StaffCodeSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors, limited: false };
  const attempt = await takeSignInAttempt(context);
  if (!attempt.allowed) return { errors: null, limited: true };
  const result = await completeSignIn(context.db, { pending, code: parsed.data.code, documentKey: context.documentKey });
  context.logger.info(
    {
      requestId: context.requestId,
      outcome: result.ok ? "signed_in" : result.reason,
      method: result.ok ? result.method : null,
      lockedNow: result.ok ? false : result.lockedNow,
    },
    "staff second factor",
  );
  if (result.ok) {
    await attempt.succeeded();
    throw redirect(destinationAfterSignIn(request), { headers: { "Set-Cookie": sessionCookie(context, result.session) } });
  }
  // Locked or ended: the pending session is gone, so is this page. Whoever is here knows the
  // password already, so saying "locked" reveals nothing new.
  if (result.lockedNow || result.reason === "session_ended") {
    throw redirect(staffPath(request, STAFF_LOGIN, { [result.lockedNow ? "locked" : "ended"]: "1" }), {
      headers: { "Set-Cookie": clearedSessionCookie(context) },
    });
  }
  return {
    errors: { code: result.reason === "replayed_code" ? "staff:validation.codeReplayed" : "staff:validation.codeIncorrect" },
    limited: false,
  };
}

export default function StaffTotp() {
  const { t } = useTranslation("staff");
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  return (
    <>
      <ErrorSummary errors={errors} order={CODE_FIELDS} />
      <TooManyTries show={result?.limited} />
      <h1 className="heading-l">{t("totp.title")}</h1>
      <p>{t("totp.lead")}</p>
      <TotpCodeForm label={t("totp.code")} hint={t("totp.codeHint")} submit={t("totp.submit")} error={errors?.code} />
    </>
  );
}
