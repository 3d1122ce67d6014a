import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import type { FieldErrors } from "~/utils/form";
import { EVIDENCE_ACCEPT, FileField } from "./file-field";
import { TextareaField } from "./textarea-field";

/** What the officer asked and the applicant answered, oldest first. */
export function TrackConversation({
  conversation,
}: {
  conversation: readonly { id: string; question: string; asked: string; answer: string; answered: string }[];
}) {
  const { t } = useTranslation("track");
  if (conversation.length === 0) return null;
  return (
    <section aria-labelledby="conversation-heading">
      <h2 className="heading-m" id="conversation-heading">
        {t("request.history")}
      </h2>
      <ol className="conversation">
        {conversation.map((exchange) => (
          <li key={exchange.id} className="conversation__item">
            <p className="hint">{t("request.asked", { date: exchange.asked })}</p>
            <p className="inset-text">
              <bdi>{exchange.question}</bdi>
            </p>
            <p className="hint">{t("request.answeredOn", { date: exchange.answered })}</p>
            {exchange.answer ? (
              <p className="conversation__answer" dir="auto">
                {exchange.answer}
              </p>
            ) : (
              <p>{t("request.documentOnly")}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The officer's open question, with a form for the answer and an optional file. */
export function TrackQuestion({
  question,
  errors,
  answer,
}: {
  question: { id: string; text: string; asked: string };
  errors: FieldErrors | undefined;
  answer: string | undefined;
}) {
  const { t } = useTranslation("track");
  return (
    <section aria-labelledby="question-heading">
      <h2 className="heading-m" id="question-heading">
        {t("request.heading")}
      </h2>
      <p className="hint">{t("request.asked", { date: question.asked })}</p>
      <p className="inset-text">
        <bdi>{question.text}</bdi>
      </p>
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="requestId" value={question.id} />
        <TextareaField
          name="answer"
          label={t("request.answer")}
          hint={t("request.answerHint")}
          error={errors?.answer}
          defaultValue={answer}
          rows={5}
        />
        <FileField
          name="evidence"
          label={t("request.file")}
          hint={t("request.fileHint")}
          error={errors?.evidence}
          accept={EVIDENCE_ACCEPT}
        />
        <button type="submit" className="button" name="intent" value="answer">
          {t("request.submit")}
        </button>
      </Form>
    </section>
  );
}
