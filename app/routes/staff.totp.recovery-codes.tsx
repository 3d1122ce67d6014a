import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { takeRecoveryCodesToShow } from "~/models/staff-sign-in.server";
import { destinationAfterSignIn, requireStaff, sessionIdHash } from "~/services/auth.server";
import type { RouteHandle } from "~/utils/handle";
import { WarningText } from "~/components/warning-text";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:recoveryCodes.title") };
export const headers = noStoreHeaders;

/** Shown once, straight after TOTP setup; any later visit just goes on. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const codes = await takeRecoveryCodesToShow(context.db, sessionIdHash(request)!, context.documentKey);
  if (!codes) throw redirect(destinationAfterSignIn(request));
  return { codes, continueTo: destinationAfterSignIn(request) };
}

export default function StaffRecoveryCodes() {
  const { t } = useTranslation("staff");
  const { codes, continueTo } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="panel-confirmation">
        <h1 className="heading-l">{t("recoveryCodes.title")}</h1>
      </div>
      <h2 className="heading-m">{t("recoveryCodes.heading")}</h2>
      <p>{t("recoveryCodes.body")}</p>
      <WarningText>{t("recoveryCodes.warning")}</WarningText>
      <ol className="list--bullet" aria-label={t("recoveryCodes.heading")} dir="ltr" translate="no">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <a href={continueTo} className="button" role="button" draggable={false}>
          {t("recoveryCodes.continue")}
        </a>
      </p>
    </>
  );
}
