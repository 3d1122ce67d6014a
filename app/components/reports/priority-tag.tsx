import { useTranslation } from "~/utils/use-translation";
import type { ReportPriority } from "~/domain/report-actions";

const COLOUR: Record<ReportPriority, string> = { urgent: "tag tag--red", high: "tag tag--orange", normal: "tag", low: "tag tag--grey" };

/** A report's priority as a tag; "Not triaged" for a report nobody has looked at yet. */
export function PriorityTag({ priority }: { priority: ReportPriority | null }) {
  const { t } = useTranslation("reports");
  if (!priority) return <span className="hint">{t("priority.none")}</span>;
  return <strong className={COLOUR[priority]}>{t(`priority.${priority}`)}</strong>;
}
