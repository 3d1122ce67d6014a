import { useTranslation } from "~/utils/use-translation";

/** Shown on a question page whose stored answers were dropped when the draft was read (app/schemas/draft-answers.ts). */
export function AnswerAgain({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <div className="notice" role="status">
      <p>{t("certificate:answerAgain")}</p>
    </div>
  );
}
