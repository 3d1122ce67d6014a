/** The certificate is issued: where to collect it and what to bring, or that it can be downloaded. */
import { COLLECTION_DOCUMENTS } from "~/domain/certificate";
import type { Lang } from "~/i18n";
import { isolate } from "~/utils/bidi";
import { getI18n } from "~/utils/i18n.server";
import { type ComposedMail, composeMail } from "./compose.server";

export function certificateReadyMail(
  lang: Lang,
  {
    reference,
    number,
    collectionCenter,
    trackLink,
  }: { reference: string; number: string; collectionCenter: string | null; trackLink: string },
): ComposedMail {
  const { t } = getI18n(lang);
  return composeMail(lang, t("mail:certificateReady.subject", { reference }), [
    t("mail:certificateReady.body", { number, reference }),
    // Where to collect and what to bring: the same list as the tracking page shows.
    collectionCenter
      ? {
          intro: `${t("mail:certificateReady.collection", { center: isolate(collectionCenter) })}\n${t("track:collection.bring")}`,
          items: COLLECTION_DOCUMENTS.map((document) => t(`track:collection.items.${document}`, { reference })),
          outro: t("mail:certificateReady.seeOnline"),
        }
      : t("mail:certificateReady.download"),
    { link: trackLink },
  ]);
}
