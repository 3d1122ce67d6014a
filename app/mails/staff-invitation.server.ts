/**
 * The invitation a new (or re-invited) staff member receives: the mail in the inviting
 * administrator's language, and the link it carries. The link holds the only copy of the token.
 */
import type { Lang } from "~/i18n";
import type { InvitationMail } from "~/models/staff-admin.server";
import type { Env } from "~/utils/env.server";
import { isolate } from "~/utils/bidi";
import { formatMoment, LONG_MOMENT } from "~/utils/format";
import { getI18n } from "~/utils/i18n.server";
import { composeMail } from "./compose.server";

export function invitationMail(lang: Lang): InvitationMail {
  const { t } = getI18n(lang);
  return ({ link, displayName, expiresAt }) => ({
    language: lang,
    ...composeMail(lang, t("staff:inviteMail.subject"), [
      t("staff:inviteMail.greeting", { name: isolate(displayName) }),
      t("staff:inviteMail.body"),
      { link },
      t("staff:inviteMail.expiry", { date: formatMoment(lang, expiresAt, LONG_MOMENT) }),
      t("staff:inviteMail.ignore"),
    ]),
  });
}

export function invitationLink(env: Pick<Env, "PUBLIC_URL">): (token: string) => string {
  return (token) => `${env.PUBLIC_URL}/staff/invite?token=${encodeURIComponent(token)}`;
}
