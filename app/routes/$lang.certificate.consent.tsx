import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { Declaration } from "~/components/declaration";
import { ErrorSummary } from "~/components/error-summary";
import { isLang } from "~/i18n";
import { confirmAuthority, findPendingAuthority } from "~/models/application.server";
import { ConsentSchema } from "~/schemas/consent";
import { parseForm } from "~/utils/form";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";
import { readForm } from "~/utils/form.server";

export const handle: RouteHandle = { i18n: ["certificate", "validation"], title: (t) => t("certificate:consent.title") };

/** The holder's side of the e-authority, opened from the emailed link. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const pending = await findPendingAuthority(context.db, token);
  return {
    token,
    pending: pending
      ? { holderName: pending.holderName, passportNumber: pending.passportNumber, relativeName: pending.relativeName }
      : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const parsed = parseForm(ConsentSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors, confirmed: null };
  const reference = await confirmAuthority(context.db, parsed.data.token);
  context.logger.info({ requestId: context.requestId, outcome: reference ? "confirmed" : "link_unusable" }, "e-authority confirmation");
  return { errors: null, confirmed: reference ?? "" };
}

export default function Consent() {
  const { t } = useTranslation("certificate");
  const { token, pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.confirmed) {
    return (
      <>
        <div className="panel-confirmation">
          <h1 className="heading-l">{t("consent.doneTitle")}</h1>
        </div>
        <p>{t("consent.doneBody", { reference: result.confirmed })}</p>
      </>
    );
  }
  if (!pending || result?.confirmed === "") {
    return (
      <>
        <h1 className="heading-l">{t("consent.invalidTitle")}</h1>
        <p>{t("consent.invalidBody")}</p>
      </>
    );
  }
  const errors = result?.errors ?? undefined;
  return (
    <>
      <ErrorSummary errors={errors} order={["declaration"]} />
      <h1 className="heading-l">{t("consent.title")}</h1>
      <p>{t("consent.body", { relative: pending.relativeName })}</p>
      <p>{t("consent.details", { name: pending.holderName, passport: pending.passportNumber })}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="token" value={token} />
        <Declaration label={t("consent.declaration", { relative: pending.relativeName })} error={errors?.declaration} />
        <button type="submit" className="button">
          {t("consent.submit")}
        </button>
      </Form>
    </>
  );
}
