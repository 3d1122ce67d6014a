/** The parts of the staff case page that are the case's record: documents, questions asked, notes, history. */
import { useTranslation } from "~/utils/use-translation";
import { sizeInKb } from "~/domain/document-rules";

type DocumentLink = { id: string; kind: string; size: number; href: string };

export function CaseDocuments({ documents }: { documents: readonly DocumentLink[] }) {
  const { t } = useTranslation("cases");
  return (
    <>
      <h2 className="heading-m">{t("case.documents")}</h2>
      <ul className="list--bullet">
        {documents.map((d) => (
          <li key={d.id}>
            <a href={d.href} download>
              {t(`documents:kind.${d.kind}`)} ({t("documents:sizeKb", { size: sizeInKb(d.size) })})
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The officer's questions to the applicant, with the answers and files sent back. */
export function CaseRequests({
  requests,
}: {
  requests: readonly {
    id: string;
    question: string;
    asked: string;
    answer: string | null;
    answered: string | null;
    documents: readonly DocumentLink[];
  }[];
}) {
  const { t } = useTranslation("cases");
  if (requests.length === 0) return null;
  return (
    <>
      <h2 className="heading-m">{t("case.requests")}</h2>
      {requests.map((r) => (
        <div key={r.id} className="inset-text">
          <p className="hint">{t("case.asked", { date: r.asked })}</p>
          <p dir="auto">{r.question}</p>
          {r.answer !== null ? (
            <>
              <p className="hint">{t("case.answered", { date: r.answered })}</p>
              <p dir="auto">{r.answer}</p>
            </>
          ) : (
            <p className="hint">{t("case.notAnswered")}</p>
          )}
          {r.documents.map((d) => (
            <p key={d.id}>
              <a href={d.href} download>
                {t("case.download")} ({t("documents:sizeKb", { size: sizeInKb(d.size) })})
              </a>
            </p>
          ))}
        </div>
      ))}
    </>
  );
}

/** Internal notes: staff only, never shown to the applicant. */
export function CaseNotes({ notes }: { notes: readonly { id: string; author: string; created: string; body: string }[] }) {
  const { t } = useTranslation("cases");
  return (
    <>
      <h2 className="heading-m">{t("case.notes")}</h2>
      <p className="hint">{t("case.notesHint")}</p>
      {notes.map((n) => (
        <div key={n.id} className="inset-text">
          <p className="hint">
            <bdi>{n.author}</bdi>, {n.created}
          </p>
          <p dir="auto">{n.body}</p>
        </div>
      ))}
    </>
  );
}

export function CaseHistory({ history }: { history: readonly { seq: number; when: string; action: string; actor: string | null }[] }) {
  const { t } = useTranslation("cases");
  return (
    <>
      <h2 className="heading-m">{t("case.history")}</h2>
      <ol className="history">
        {history.map((h) => (
          <li key={h.seq}>
            {h.when}: {t(`case.events.${h.action}`, { defaultValue: h.action })}
            {h.actor ? (
              <>
                {" ("}
                <bdi>{h.actor}</bdi>)
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
