import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ErrorSummary } from "~/components/error-summary";
import { FileField } from "~/components/file-field";
import { QuickExit } from "~/components/quick-exit";
import { TextField } from "~/components/text-field";
import { TextareaField } from "~/components/textarea-field";
import { acceptAttribute, MAX_EVIDENCE_FILES } from "~/domain/document-rules";
import { isLang, type Lang } from "~/i18n";
import type { ReporterView } from "~/models/report.server";
import { FOLLOW_UP_FIELDS, FollowUpMessageSchema, FollowUpOpenSchema } from "~/schemas/report";
import { readUploadForm } from "~/services/documents-step.server";
import {
  addToReport,
  FOLLOW_UP_OPENINGS,
  openedReportId,
  openReport,
  reopenReport,
  sealOpenedReport,
} from "~/services/report-follow-up.server";
import { BidiText } from "~/components/bidi-text";
import { type FieldErrors, type FormValues, formValues, parseForm } from "~/utils/form";
import { formatDay } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";

type FollowUpView =
  | { screen: "open"; errors?: FieldErrors; values: FormValues; noMatch?: boolean; limited?: boolean; expired?: boolean }
  | { screen: "report"; token: string; report: ReporterView; errors?: FieldErrors; values: FormValues; added?: boolean };

export const handle: RouteHandle = {
  i18n: ["report", "validation", "documents"],
  showsTypedText: true,
  title: (t, _data, actionData) =>
    t((actionData as FollowUpView | undefined)?.screen === "report" ? "report:followUp.reportTitle" : "report:followUp.title"),
  description: (t) => t("report:followUp.description"),
};

export const headers = () => ({ "Cache-Control": "no-store" });

export function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const form = await readUploadForm(request, ["evidence"]);
  const reply = (view: FollowUpView, status = 200) => data(view, { status, headers: headers() });

  if (form.get("intent") === "add") {
    const reportId = openedReportId(context, form.get("token"));
    const report = reportId ? await reopenReport(context, reportId) : null;
    if (!reportId || !report) return reply({ screen: "open", values: {}, expired: true });
    const parsed = parseForm(FollowUpMessageSchema, form);
    const token = sealOpenedReport(context, reportId);
    if (!parsed.ok) return reply({ screen: "report", token, report, errors: parsed.errors, values: parsed.values }, 422);
    const hasFiles = form.getAll("evidence").some((v) => typeof v !== "string" || v !== "");
    if (!parsed.data.message && !hasFiles) {
      return reply({ screen: "report", token, report, errors: { message: "report:validation.followUpEmpty" }, values: {} }, 422);
    }
    const problem = await addToReport(context, reportId, parsed.data.message, form);
    context.logger.info({ requestId: context.requestId, outcome: problem ? "file_rejected" : "added" }, "report follow-up");
    const updated = (await reopenReport(context, reportId)) ?? report;
    if (problem)
      return reply(
        { screen: "report", token, report: updated, errors: { evidence: problem }, values: {}, added: Boolean(parsed.data.message) },
        422,
      );
    return reply({ screen: "report", token, report: updated, values: {}, added: true });
  }

  const values = formValues(form);
  const parsed = parseForm(FollowUpOpenSchema, form);
  if (!parsed.ok) return reply({ screen: "open", errors: parsed.errors, values }, 422);
  if (!context.withinAnonymousLimit(FOLLOW_UP_OPENINGS)) return reply({ screen: "open", values, limited: true }, 429);
  const report = await openReport(context, parsed.data.reference, parsed.data.secret);
  context.logger.info({ requestId: context.requestId, outcome: report ? "opened" : "no_match" }, "report follow-up opening");
  // The secret is never sent back into the page: a mistyped one is typed again.
  if (!report) return reply({ screen: "open", values: { reference: values.reference ?? "" }, noMatch: true });
  return reply({ screen: "report", token: sealOpenedReport(context, report.id), report, values: {} });
}

export default function FollowUp() {
  const lang = useParams().lang as Lang;
  const view = useActionData<typeof action>() ?? { screen: "open" as const, values: {} };
  return (
    <>
      <QuickExit />
      {view.screen === "open" ? <OpenForm view={view} /> : <ReportConversation lang={lang} view={view} />}
    </>
  );
}

function OpenForm({ view }: { view: Extract<FollowUpView, { screen: "open" }> }) {
  const { t } = useTranslation("report");
  return (
    <>
      <ErrorSummary errors={view.errors} order={FOLLOW_UP_FIELDS} />
      <h1 className="heading-l">{t("followUp.title")}</h1>
      {view.noMatch || view.limited || view.expired ? (
        <div className="notice" role="alert">
          <p>{view.limited ? t("common:errors.tooManyRequests.body") : view.expired ? t("followUp.expired") : t("followUp.noMatch")}</p>
        </div>
      ) : null}
      <p>{t("followUp.lead")}</p>
      <Form method="post" noValidate autoComplete="off">
        <TextField
          name="reference"
          label={t("followUp.reference")}
          hint={t("followUp.referenceHint")}
          spellCheck={false}
          autoComplete="off"
          dir="ltr"
          error={view.errors?.reference}
          defaultValue={view.values.reference}
        />
        <TextField
          name="secret"
          label={t("followUp.secret")}
          hint={t("followUp.secretHint")}
          spellCheck={false}
          autoComplete="off"
          dir="ltr"
          error={view.errors?.secret}
        />
        <button type="submit" className="button" name="intent" value="open">
          {t("followUp.open")}
        </button>
      </Form>
    </>
  );
}

function ReportConversation({ lang, view }: { lang: Lang; view: Extract<FollowUpView, { screen: "report" }> }) {
  const { t } = useTranslation("report");
  const { report } = view;
  const fileError = view.errors?.evidence;
  return (
    <>
      <ErrorSummary errors={view.errors} order={["message", "evidence"]} />
      {view.added ? (
        <div className="notice notice--success" role="status">
          <p>{t("followUp.added")}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("followUp.reportTitle")}</h1>
      <p>
        {t("followUp.referenceIs")}{" "}
        <strong dir="ltr" className="break-anywhere">
          {report.reference}
        </strong>
      </p>
      <p>{t(`followUp.status.${report.status}`)}</p>
      <h2 className="heading-m">{t("followUp.conversation")}</h2>
      {report.messages.length === 0 ? (
        <p>{t("followUp.noMessages")}</p>
      ) : (
        <ol className="conversation">
          {report.messages.map((message, index) => (
            <li key={index} className="conversation__item">
              <p className="hint">
                {t(message.author === "investigator" ? "followUp.fromInvestigator" : "followUp.fromYou", {
                  date: formatDay(lang, message.createdOn),
                })}
              </p>
              <p className="break-anywhere conversation__body">
                <bdi>
                  <BidiText text={message.body} />
                </bdi>
              </p>
            </li>
          ))}
        </ol>
      )}
      <h2 className="heading-m">{t("followUp.addHeading")}</h2>
      <Form method="post" noValidate autoComplete="off" encType="multipart/form-data">
        <input type="hidden" name="token" value={view.token} />
        <TextareaField
          name="message"
          label={t("followUp.message")}
          hint={t("followUp.messageHint")}
          rows={6}
          autoComplete="off"
          error={view.errors?.message}
          defaultValue={view.values.message}
        />
        <FileField
          name="evidence"
          label={t("evidence.choose")}
          hint={t("evidence.hint", { max: MAX_EVIDENCE_FILES })}
          error={fileError}
          accept={acceptAttribute("evidence")}
          multiple
        />
        <button type="submit" className="button" name="intent" value="add">
          {t("followUp.send")}
        </button>
      </Form>
    </>
  );
}
