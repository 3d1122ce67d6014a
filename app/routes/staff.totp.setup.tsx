import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ErrorSummary } from "~/components/error-summary";
import { TooManyTries } from "~/components/too-many-tries";
import { TotpCodeForm } from "~/components/totp-code-form";
import { confirmTotpEnrollment, startTotpEnrollment } from "~/models/staff-sign-in.server";
import { totpQrCodeDataUrl, totpUri } from "~/models/staff-totp.server";
import { CODE_FIELDS, StaffSetupCodeSchema } from "~/schemas/staff-sign-in";
import {
  requestedDestination,
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

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:totpSetup.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const pending = await requirePendingSignIn(request, context, "setup");
  const secret = await startTotpEnrollment(context.db, pending, context.documentKey);
  return {
    qrCode: await totpQrCodeDataUrl(totpUri(secret, pending.user.email)),
    // Groups of four, as people copy it into an app by hand.
    setupKey: secret.match(/.{1,4}/g)!.join(" "),
  };
}

type SetupResult = { errors: FieldErrors | null; limited: boolean };

export async function action({ request, context }: ActionFunctionArgs): Promise<SetupResult> {
  assertSameOrigin(request, context);
  const pending = await requirePendingSignIn(request, context, "setup");
  const parsed = parseForm(StaffSetupCodeSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors, limited: false };
  const attempt = await takeSignInAttempt(context);
  if (!attempt.allowed) return { errors: null, limited: true };
  const result = await confirmTotpEnrollment(context.db, { pending, code: parsed.data.code, documentKey: context.documentKey });
  context.logger.info({ requestId: context.requestId, outcome: result.ok ? "enrolled" : result.reason }, "staff totp setup");
  if (result.ok) {
    await attempt.succeeded();
    // The codes are shown by the next page, once; a redirect keeps a reload from re-posting.
    throw redirect(staffPath(request, "/staff/totp/recovery-codes", { redirectTo: requestedDestination(request) }), {
      headers: { "Set-Cookie": sessionCookie(context, result.session) },
    });
  }
  if (result.reason !== "wrong_code") throw redirect(staffPath(request, STAFF_LOGIN, { ended: "1" }));
  return { errors: { code: "staff:validation.codeIncorrect" }, limited: false };
}

export default function StaffTotpSetup() {
  const { t } = useTranslation("staff");
  const { qrCode, setupKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  return (
    <>
      <ErrorSummary errors={errors} order={CODE_FIELDS} />
      <TooManyTries show={result?.limited} />
      <h1 className="heading-l">{t("totpSetup.title")}</h1>
      <p>{t("totpSetup.lead")}</p>
      <ol className="list--bullet">
        <li>
          <p>{t("totpSetup.stepApp")}</p>
        </li>
        <li>
          <p>{t("totpSetup.stepScan")}</p>
          <img src={qrCode} alt={t("totpSetup.qrAlt")} width={200} height={200} />
          <p>{t("totpSetup.keyLabel")}</p>
          <p className="reference break-anywhere" dir="ltr" translate="no">
            <code>{setupKey}</code>
          </p>
        </li>
        <li>
          <p>{t("totpSetup.stepCode")}</p>
        </li>
      </ol>
      <TotpCodeForm
        label={t("totpSetup.code")}
        hint={t("totpSetup.codeHint")}
        submit={t("totpSetup.submit")}
        numeric
        error={errors?.code}
      />
    </>
  );
}
