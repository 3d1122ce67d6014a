import { useTranslation } from "~/utils/use-translation";
import { isolate } from "~/utils/bidi";
import { BidiText } from "../bidi-text";

export type ConversationEntry = { author: "reporter" | "investigator" | "note"; staffName: string | null; body: string; date: string };

/** The reporter's additions, investigators' questions and internal notes, oldest first; notes are marked as unseen by the reporter. */
export function ReportConversation({ entries }: { entries: readonly ConversationEntry[] }) {
  const { t } = useTranslation("reports");
  return (
    <section aria-labelledby="conversation-heading">
      <h2 className="heading-m" id="conversation-heading">
        {t("conversation.title")}
      </h2>
      {entries.length === 0 ? <p>{t("conversation.empty")}</p> : null}
      <ol className="conversation">
        {entries.map((entry, i) => (
          <li key={i} className="conversation__item">
            <p className="hint">
              <BidiText
                text={t(`conversation.${entry.author}`, { name: entry.staffName ? isolate(entry.staffName) : t("conversation.formerStaff"), date: entry.date })}
              />
            </p>
            <p className={entry.author === "note" ? "inset-text" : undefined} dir="auto">
              {entry.body}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
