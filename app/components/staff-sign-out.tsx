import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { useStaffHref } from "~/utils/staff-href";

/** Signing out is a POST (a link could be triggered by another site, or prefetched). */
export function StaffSignOut({ secondary = true }: { secondary?: boolean }) {
  const { t } = useTranslation("staff");
  const href = useStaffHref();
  return (
    <Form method="post" action={href("/staff/logout")}>
      <button type="submit" className={secondary ? "button button--secondary" : "button"}>
        {t("signOut.submit")}
      </button>
    </Form>
  );
}
