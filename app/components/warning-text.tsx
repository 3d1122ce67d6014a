import type { ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";

/** A warning the reader must not miss (GOV.UK warning text): an icon, and "Warning:" for screen readers. */
export function WarningText({ children }: { children: ReactNode }) {
  const { t } = useTranslation("staff");
  return (
    <div className="warning-text">
      <span className="warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong>
        <span className="visually-hidden">{t("recoveryCodes.warningPrefix")}: </span>
        {children}
      </strong>
    </div>
  );
}
