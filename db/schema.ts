/**
 * Table types for Kysely. Times are ISO-8601 UTC strings and booleans are 0/1 on both dialects,
 * so rows look the same whichever store is behind them.
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export interface CenterTable {
  slug: string;
  kind: "service_center" | "embassy" | "consulate";
  country_code: string;
  city: string;
  name_en: string;
  name_ur: string;
  name_el: string;
  name_it: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** Days and times as JSON (app/schemas/center-hours.ts reads it); null when not entered. */
  weekly_hours: string | null;
  /** Comma-separated codes of app/domain/center-page.ts. */
  services: string | null;
  languages_spoken: string | null;
  /** Decimal degrees (WGS 84), for a plain link to a map; no map is embedded. */
  latitude: number | null;
  longitude: number | null;
  /** When and by whom (staff_user.id) the public details (address, hours, phone, email, services, languages, place) were confirmed as official; null until then. */
  details_confirmed_at: string | null;
  details_confirmed_by: string | null;
  referral_code: string | null;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface StaffUserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  role: "officer" | "supervisor" | "investigator" | "embassy_desk" | "admin";
  center_slug: string | null;
  /** Sealed with a key derived from DOCUMENT_KEY (see app/models/staff-totp.server.ts). */
  totp_secret: string | null;
  disabled_at: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  totp_confirmed_at: string | null;
  totp_last_step: number | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id_hash: string;
  staff_user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  data: Generated<string>;
}

export interface StaffRecoveryCodeTable {
  staff_user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface StaffInvitationTable {
  token_hash: string;
  staff_user_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface MailOutboxTable {
  id: string;
  to_address: string;
  language: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: Generated<"pending" | "sent" | "failed">;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface AuditEventTable {
  /** bigint on PostgreSQL comes back as a string; models convert it. */
  seq: Generated<number | string>;
  occurred_at: string;
  actor_type: "staff" | "applicant" | "reporter" | "system";
  actor_id: string | null;
  session_ref: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The last hash of each hash chain (today only `audit_event`), locked by whoever appends to it. */
export interface AuditChainHeadTable {
  chain: string;
  hash: string;
}

export interface RateLimitTable {
  key: string;
  hits: number;
  reset_at: string;
}

export interface BlobTable {
  id: string;
  content: Uint8Array;
  size: number;
  created_at: string;
}

export interface DocumentTable {
  id: string;
  blob_id: string;
  owner_type: "draft" | "application" | "information_response" | "dispute" | "report_journey" | "report" | "report_message";
  owner_id: string;
  kind: "passport" | "cnic_front" | "cnic_back" | "photo" | "evidence";
  content_type: "image/jpeg" | "image/png" | "application/pdf";
  size: number;
  created_at: string;
}

export interface DraftTable {
  id: string;
  secret_hash: string;
  language: string;
  /** JSON text of the answers so far (see app/schemas/certificate). */
  answers: Generated<string>;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

export type ApplicationStatus =
  | "submitted"
  | "in_review"
  | "waiting_for_applicant"
  | "approved"
  | "issued"
  | "rejected"
  | "collected"
  | "withdrawn";

export interface ApplicationTable {
  id: string;
  reference: string;
  draft_id: string;
  status: ApplicationStatus;
  status_changed_at: string;
  version: Generated<number>;
  language: string;
  applicant_type: "self" | "relative";
  full_name: string;
  name_search: string;
  father_name: string;
  date_of_birth: string;
  gender: string;
  cnic: string;
  passport_number: string;
  passport_country: string;
  nationality: string;
  email: string;
  phone: string;
  residence_country: string;
  residence_city: string;
  purpose: string;
  purpose_other: string | null;
  destination_country: string;
  delivery: "pdf" | "collection";
  collection_center_slug: string | null;
  referral_center_slug: string | null;
  /** The embassy desk user (staff_user.id) who took the application with the visitor; null when the applicant applied alone. */
  assisted_by: string | null;
  center_slug: string;
  assigned_to: string | null;
  track_secret_hash: string;
  relative_name: string | null;
  authority_status: "pending" | "confirmed" | null;
  authority_token_hash: string | null;
  authority_confirmed_at: string | null;
  rejection_reason: string | null;
  rejection_note: string | null;
  submitted_at: string;
  updated_at: string;
}

export interface ApplicationAddressTable {
  application_id: string;
  position: number;
  district: string;
  police_station: string;
  address: string;
  from_month: string;
  to_month: string | null;
}

export interface InformationRequestTable {
  id: string;
  application_id: string;
  question: string;
  asked_by: string | null;
  asked_at: string;
  answer: string | null;
  answered_at: string | null;
}

export interface CaseNoteTable {
  id: string;
  application_id: string;
  author_id: string;
  body: string;
  created_at: string;
}

export interface CertificateTable {
  id: string;
  number: string;
  /** HMAC-SHA256 (hex) of the verification code; the code itself is never stored. */
  code_hash: string;
  application_id: string;
  full_name: string;
  father_name: string;
  date_of_birth: string;
  cnic: string;
  passport_number: string;
  passport_country: string;
  purpose: string;
  purpose_other: string | null;
  destination_country: string;
  result: "no_record";
  center_slug: string;
  officer_id: string | null;
  officer_name: string;
  language: string;
  issued_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revocation_reason: string | null;
  revocation_note: string | null;
  pdf_blob_id: string;
  pdf_sha256: string;
  photo_blob_id: string | null;
  verification_count: Generated<number>;
  expiry_reminder_sent_at: string | null;
  reapply_token_hash: string | null;
  reapply_used_at: string | null;
  created_at: string;
}

export interface DisputeTable {
  id: string;
  certificate_id: string;
  application_id: string;
  center_slug: string;
  text: string;
  status: Generated<"open" | "upheld" | "dismissed">;
  outcome: string | null;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

/** A day the service level does not count (Pakistan's public holidays), kept by administrators. */
export interface EmergencyContactTable {
  id: string;
  country_code: string;
  kind: "police" | "embassy" | "fia";
  /** E.164, or a short number dialled within the country (112). */
  phone: string;
  created_by: string | null;
  created_at: string;
}

export type ReportStatus = "new" | "triaged" | "forwarded" | "closed";

/** A smuggling report: dated by the day only, nothing about who sent it or from where. */
export interface ReportTable {
  id: string;
  reference: string;
  secret_hash: string;
  submission_key: string;
  language: "ur" | "en" | "el" | "it";
  status: ReportStatus;
  priority: "low" | "normal" | "high" | "urgent" | null;
  fia_reference: string | null;
  close_reason: string | null;
  /** JSON of ReportAnswers (app/schemas/report.ts). */
  answers: string;
  channel: string;
  from_country: string;
  to_country: string;
  route_countries: string;
  payment_methods: string;
  offer_month: string;
  offer_country: string;
  someone_in_danger: number;
  contact_wanted: number;
  /** Other reports that share an agent identifier with this one (not counting free text). */
  linked_reports: Generated<number>;
  /** 1 when the reporter added something since an investigator last opened the report. */
  news_from_reporter: Generated<number>;
  created_on: string;
  updated_on: string;
}

export interface ReportIdentifierTable {
  id: string;
  report_id: string;
  kind: "phone" | "handle" | "text";
  platform: "phone" | "facebook" | "tiktok" | "instagram" | "telegram" | "text";
  identifier_key: string;
  raw: string;
  flagged: number;
}

export interface ReportMessageTable {
  id: string;
  report_id: string;
  seq: number;
  author: "reporter" | "investigator" | "note";
  staff_id: string | null;
  body: string;
  created_on: string;
}

export interface PortalSettingTable {
  key: "report_evidence_retention_years";
  value: string;
  updated_by: string | null;
  updated_at: string;
}

export interface PublicHolidayTable {
  /** YYYY-MM-DD. */
  day: string;
  name: string;
  created_by: string | null;
  created_at: string;
}

export type LegalFactDestination = "GR" | "IT" | "ES" | "PK";
export type LegalFactKind = "link" | "fee" | "phone";

export interface LegalFactTable {
  key: string;
  destination: LegalFactDestination;
  kind: LegalFactKind;
  /** An https URL, "<amount> <currency>" (150.00 EUR), or E.164. */
  value: string;
  label_ur: string;
  label_en: string;
  label_el: string;
  label_it: string;
  source: string;
  /** YYYY-MM-DD. */
  checked_on: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The dashboard's running figures (decision 040), one row per dimension, UTC day and value:
 * applications by submission day under "status", "destination" and "referral" ("" for none);
 * certificates by issue day under "issue_days", the value being the whole days they took.
 * Referral figures (decision 042), the value naming the center's slug: "poster_visit" (a GET of
 * the certificate start page with a valid referral code), "referral_started" (a draft created with
 * the referral), and "referral_issue_days" by issue day, the value `<slug>|<whole days>`. The first
 * two cannot be counted again from anything else, and carry nothing about the visitor.
 */
export interface DashboardCountTable {
  dimension: "status" | "destination" | "referral" | "issue_days" | "poster_visit" | "referral_started" | "referral_issue_days";
  /** YYYY-MM-DD (UTC). */
  day: string;
  value: string;
  n: number;
}

export interface Database {
  center: CenterTable;
  staff_user: StaffUserTable;
  session: SessionTable;
  staff_recovery_code: StaffRecoveryCodeTable;
  setup_token: SetupTokenTable;
  staff_invitation: StaffInvitationTable;
  mail_outbox: MailOutboxTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  rate_limit: RateLimitTable;
  blob: BlobTable;
  document: DocumentTable;
  draft: DraftTable;
  application: ApplicationTable;
  application_address: ApplicationAddressTable;
  information_request: InformationRequestTable;
  case_note: CaseNoteTable;
  certificate: CertificateTable;
  dispute: DisputeTable;
  public_holiday: PublicHolidayTable;
  emergency_contact: EmergencyContactTable;
  report: ReportTable;
  report_identifier: ReportIdentifierTable;
  report_message: ReportMessageTable;
  portal_setting: PortalSettingTable;
  legal_fact: LegalFactTable;
  dashboard_count: DashboardCountTable;
}

export type Center = Selectable<CenterTable>;
export type NewCenter = Insertable<CenterTable>;
export type CenterUpdate = Updateable<CenterTable>;
export type StaffUser = Selectable<StaffUserTable>;
export type NewStaffUser = Insertable<StaffUserTable>;
export type Session = Selectable<SessionTable>;
export type NewSession = Insertable<SessionTable>;
export type MailOutboxRow = Selectable<MailOutboxTable>;
export type NewMail = Insertable<MailOutboxTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type Document = Selectable<DocumentTable>;
export type NewDocument = Insertable<DocumentTable>;
export type Draft = Selectable<DraftTable>;
export type Application = Selectable<ApplicationTable>;
export type NewApplication = Insertable<ApplicationTable>;
export type ApplicationAddress = Selectable<ApplicationAddressTable>;
export type InformationRequest = Selectable<InformationRequestTable>;
export type Certificate = Selectable<CertificateTable>;
export type NewCertificate = Insertable<CertificateTable>;
export type Dispute = Selectable<DisputeTable>;
export type PublicHoliday = Selectable<PublicHolidayTable>;
export type EmergencyContact = Selectable<EmergencyContactTable>;
export type Report = Selectable<ReportTable>;
export type NewReport = Insertable<ReportTable>;
