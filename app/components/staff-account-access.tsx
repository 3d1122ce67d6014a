import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import type { AccountIntent } from "~/schemas/staff-account";

/** One button in its own form: each change is one POST, and works without JavaScript. */
function ActionButton({ intent, label, warning = false }: { intent: AccountIntent; label: string; warning?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <button type="submit" name="intent" value={intent} className={warning ? "button button--warning" : "button button--secondary"}>
        {label}
      </button>
    </Form>
  );
}

/** The changes to an account's access that its state allows: renew the invitation, unlock, reset 2FA, enable or disable. */
export function StaffAccountAccess({ account }: { account: { status: string; lockedUntil: string | null; totpSetUp: boolean } }) {
  const { t } = useTranslation("staff");
  return (
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
  );
}
