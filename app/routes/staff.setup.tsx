import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ErrorSummary } from "~/components/error-summary";
import { NameAndEmailFields, NewPasswordFields } from "~/components/staff-account-fields";
import { createFirstAdministrator, isSetupTokenUsable } from "~/models/setup-token.server";
import { findStaffUserIdByEmail } from "~/models/staff-user.server";
import { SETUP_FIELDS, StaffSetupSchema } from "~/schemas/staff-setup";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { hashPassword, isCommonPassword } from "~/utils/password.server";
import { removeSetupLink } from "~/services/setup-link.server";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:setup.title") };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token !== "" && (await isSetupTokenUsable(context.db, token)) };
}

type SetupResult = { errors: FieldErrors | null; values: FormValues; created: string | null; tokenUnusable?: boolean };

export async function action({ request, context }: ActionFunctionArgs): Promise<SetupResult> {
  assertSameOrigin(request, context);
  const formData = await readForm(request);
  // The link first: without it nobody may learn whether an address has an account (by the answer
  // or by its time), nor make the server hash a password.
  const token = formData.get("token");
  if (typeof token !== "string" || !(await isSetupTokenUsable(context.db, token))) {
    context.logger.info({ requestId: context.requestId, outcome: "token_unusable" }, "first administrator setup");
    return { errors: null, values: {}, created: null, tokenUnusable: true };
  }
  const parsed = parseForm(StaffSetupSchema, formData);
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values, created: null };
  const { displayName, email, password } = parsed.data;
  const values = { displayName, email };
  if (isCommonPassword(password)) return { errors: { password: "staff:validation.passwordCommon" }, values, created: null };
  if (await findStaffUserIdByEmail(context.db, email)) return { errors: { email: "staff:validation.emailTaken" }, values, created: null };

  const passwordHash = await hashPassword(password);
  const created = (await createFirstAdministrator(context.db, { token, email, displayName, passwordHash })) !== null;
  context.logger.info({ requestId: context.requestId, outcome: created ? "created" : "token_unusable" }, "first administrator setup");
  // The link is spent: it should not linger on disk until the next restart.
  if (created) removeSetupLink(context.env.DATA_DIR);
  return { errors: null, values, created: created ? email : null, tokenUnusable: !created };
}

export default function StaffSetup() {
  const { t } = useTranslation("staff");
  const { token, usable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.created) {
    return (
      <>
        <div className="panel-confirmation">
          <h1 className="heading-l">{t("setup.doneTitle")}</h1>
        </div>
        <p>{t("setup.doneBody", { email: result.created })}</p>
        <p>
          <a href="/staff/login">{t("setup.signIn")}</a>
        </p>
      </>
    );
  }
  if (!usable || result?.tokenUnusable) {
    return (
      <>
        <h1 className="heading-l">{t("setup.invalidTitle")}</h1>
        <p>{t("setup.invalidBody")}</p>
      </>
    );
  }
  const errors = result?.errors ?? undefined;
  const values: FormValues = result?.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} order={SETUP_FIELDS} />
      <h1 className="heading-l">{t("setup.title")}</h1>
      <p>{t("setup.lead")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="token" value={token} />
        <NameAndEmailFields
          labels={{ name: t("setup.name"), email: t("setup.email"), emailHint: t("setup.emailHint") }}
          own
          errors={errors}
          values={values}
        />
        <NewPasswordFields hint={t("setup.passwordHint")} errors={errors} />
        <button type="submit" className="button">
          {t("setup.submit")}
        </button>
      </Form>
    </>
  );
}
