import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import type { CaseStep } from "~/domain/case-actions";
import { REJECTION_REASONS } from "~/domain/rejection";
import type { FieldErrors } from "~/utils/form";
import { SelectField } from "./select-field";
import { TextareaField } from "./textarea-field";

/** The steps that are one button: no question to ask before they are taken. */
const BUTTON_STEPS = ["claim", "release", "approve", "mark_collected"] as const;

/**
 * What the officer may do to the case now: one form per action, each carrying the version they saw.
 * Only the actions the server would take are offered (the route asks `checkCaseAction` for each).
 */
export function CaseActionsPanel({
  version,
  transitions,
  reassign,
  caseworkers,
  assignedTo,
  errors,
}: {
  version: number;
  transitions: readonly CaseStep[];
  reassign: boolean;
  caseworkers: readonly { id: string; name: string }[];
  assignedTo: string | null;
  errors: FieldErrors | undefined;
}) {
  const { t } = useTranslation("cases");
  if (transitions.length === 0 && !reassign) return null;
  const versionField = <input type="hidden" name="version" value={version} />;
  return (
    <section aria-labelledby="actions-heading">
      <h2 className="heading-m" id="actions-heading">
        {t("case.actions")}
      </h2>
      {BUTTON_STEPS.filter((a) => transitions.includes(a)).map((a) => (
        <Form method="post" key={a} className="form-group">
          {versionField}
          <p className="hint" id={`${a}-hint`}>
            {t(`case.hints.${a}`)}
          </p>
          <button
            type="submit"
            className={a === "release" ? "button button--secondary" : "button"}
            name="intent"
            value={a}
            aria-describedby={`${a}-hint`}
          >
            {t(`case.${a === "mark_collected" ? "markCollected" : a}`)}
          </button>
        </Form>
      ))}
      {transitions.includes("request_information") ? (
        <Form method="post">
          {versionField}
          <TextareaField name="question" label={t("case.question")} hint={t("case.questionHint")} error={errors?.question} />
          <button type="submit" className="button button--secondary" name="intent" value="request_information">
            {t("case.requestInformation")}
          </button>
        </Form>
      ) : null}
      {transitions.includes("reject") ? (
        <Form method="post">
          {versionField}
          <SelectField
            name="reason"
            label={t("case.reason")}
            options={REJECTION_REASONS.map((r) => ({ value: r, label: t(`case.reasons.${r}`) }))}
            error={errors?.reason}
            placeholder={t("certificate.revoke.choose")}
          />
          <TextareaField name="rejectionNote" label={t("case.rejectionNote")} error={errors?.rejectionNote} />
          <button type="submit" className="button button--warning" name="intent" value="reject">
            {t("case.reject")}
          </button>
        </Form>
      ) : null}
      {reassign ? (
        <Form method="post">
          {versionField}
          <div className="form-group">
            <label className="label" htmlFor="assignTo">
              {t("case.reassignTo")}
            </label>
            <select className="select" id="assignTo" name="assignTo" defaultValue={assignedTo ?? ""}>
              {caseworkers.map((w) => (
                <option key={w.id} value={w.id} dir="auto">
                  {w.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary" name="intent" value="reassign">
            {t("case.reassign")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
