import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { CLOSE_REASONS, REPORT_PRIORITIES, type ReportAction, type ReportPriority } from "~/domain/report-actions";
import type { FieldErrors, FormValues } from "~/utils/form";
import { Radios } from "../radios";
import { TextField } from "../text-field";
import { TextareaField } from "../textarea-field";

/**
 * The investigator's actions on a report, one form each, offered only where the report's status
 * allows them (the server checks again). A form sent with a mistake comes back with its answer kept.
 */
export function ReportActionsPanel({
  actions,
  priority,
  failed,
  errors,
  values,
}: {
  actions: readonly ReportAction[];
  priority: ReportPriority | null;
  /** The action whose form came back with errors, so only that one shows them. */
  failed: ReportAction | null;
  errors: FieldErrors | undefined;
  values: FormValues;
}) {
  const { t } = useTranslation("reports");
  const mine = (action: ReportAction) => (failed === action ? errors : undefined);
  const kept = (action: ReportAction, name: string) => (failed === action ? values[name] : undefined);
  return (
    <section aria-labelledby="actions-heading">
      <h2 className="heading-m" id="actions-heading">
        {t("actions.title")}
      </h2>
      {actions.includes("triage") ? (
        <Form method="post" className="action-form">
          <Radios
            name="priority"
            legend={priority ? t("actions.changePriority") : t("actions.triage")}
            options={REPORT_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`), hint: t(`priorityHint.${p}`) }))}
            defaultValue={kept("triage", "priority") ?? priority ?? undefined}
            error={mine("triage")?.priority}
          />
          <button type="submit" className="button" name="intent" value="triage">
            {t("actions.saveTriage")}
          </button>
        </Form>
      ) : null}
      {actions.includes("ask") ? (
        <Form method="post" className="action-form">
          <TextareaField
            name="question"
            label={t("actions.ask")}
            hint={t("actions.askHint")}
            rows={4}
            defaultValue={kept("ask", "question")}
            error={mine("ask")?.question}
          />
          <button type="submit" className="button" name="intent" value="ask">
            {t("actions.sendQuestion")}
          </button>
        </Form>
      ) : null}
      {actions.includes("forward") ? (
        <Form method="post" className="action-form">
          <TextField
            name="fiaReference"
            label={t("actions.forward")}
            hint={t("actions.forwardHint")}
            defaultValue={kept("forward", "fiaReference")}
            error={mine("forward")?.fiaReference}
            spellCheck={false}
            dir="ltr"
          />
          <button type="submit" className="button" name="intent" value="forward">
            {t("actions.recordForward")}
          </button>
        </Form>
      ) : null}
      {actions.includes("close") ? (
        <Form method="post" className="action-form">
          <Radios
            name="reason"
            legend={t("actions.close")}
            options={CLOSE_REASONS.map((r) => ({ value: r, label: t(`closeReason.${r}`) }))}
            defaultValue={kept("close", "reason")}
            error={mine("close")?.reason}
          />
          <button type="submit" className="button button--warning" name="intent" value="close">
            {t("actions.closeReport")}
          </button>
        </Form>
      ) : null}
      {actions.includes("reopen") ? (
        <Form method="post" className="action-form">
          <p>{t("actions.reopenHint")}</p>
          <button type="submit" className="button button--secondary" name="intent" value="reopen">
            {t("actions.reopen")}
          </button>
        </Form>
      ) : null}
      {actions.includes("note") ? (
        <Form method="post" className="action-form">
          <TextareaField name="note" label={t("actions.note")} hint={t("actions.noteHint")} rows={3} defaultValue={kept("note", "note")} error={mine("note")?.note} />
          <button type="submit" className="button button--secondary" name="intent" value="note">
            {t("actions.addNote")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
