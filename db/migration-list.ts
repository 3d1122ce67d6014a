/**
 * Every migration, listed by static import rather than found by reading db/migrations at run time:
 * the compiled server (build/server.js) carries them inside the bundle, where there is no folder of
 * TypeScript files to read. A new migration is added here too (db/migrate.test.ts checks the two agree).
 */
import type { Migration } from "kysely";
import * as m0 from "./migrations/2026_11_28_110000_foundation";
import * as m1 from "./migrations/2026_11_28_120000_document";
import * as m2 from "./migrations/2026_11_28_120200_application";
import * as m3 from "./migrations/2026_11_28_130000_staff_auth";
import * as m4 from "./migrations/2026_11_28_140000_case_note";
import * as m5 from "./migrations/2026_11_28_150000_staff_admin";
import * as m6 from "./migrations/2026_11_28_160000_certificate";
import * as m7 from "./migrations/2026_11_28_170000_queue_indexes";
import * as m8 from "./migrations/2026_11_28_180000_queue_covering_indexes";
import * as m9 from "./migrations/2026_11_28_190000_public_holiday";
import * as m10 from "./migrations/2026_12_02_120000_center_details";
import * as m11 from "./migrations/2026_12_02_200000_emergency_contact";
import * as m12 from "./migrations/2026_12_02_210000_report";
import * as m13 from "./migrations/2026_12_02_220000_portal_setting";
import * as m14 from "./migrations/2026_12_03_060000_report_links";
import * as m15 from "./migrations/2026_12_03_080000_report_news";
import * as m16 from "./migrations/2026_12_03_110000_center_page";
import * as m17 from "./migrations/2026_12_03_121000_legal_fact";
import * as m18 from "./migrations/2026_12_03_130000_dashboard_count";
import * as m19 from "./migrations/2026_12_03_150000_assisted_application";
import * as m20 from "./migrations/2026_12_03_140000_referral_issue_days";
import * as m21 from "./migrations/2026_12_06_100000_audit_chain_head";

export const MIGRATIONS: Record<string, Migration> = {
  "2026_11_28_110000_foundation": m0,
  "2026_11_28_120000_document": m1,
  "2026_11_28_120200_application": m2,
  "2026_11_28_130000_staff_auth": m3,
  "2026_11_28_140000_case_note": m4,
  "2026_11_28_150000_staff_admin": m5,
  "2026_11_28_160000_certificate": m6,
  "2026_11_28_170000_queue_indexes": m7,
  "2026_11_28_180000_queue_covering_indexes": m8,
  "2026_11_28_190000_public_holiday": m9,
  "2026_12_02_120000_center_details": m10,
  "2026_12_02_200000_emergency_contact": m11,
  "2026_12_02_210000_report": m12,
  "2026_12_02_220000_portal_setting": m13,
  "2026_12_03_060000_report_links": m14,
  "2026_12_03_080000_report_news": m15,
  "2026_12_03_110000_center_page": m16,
  "2026_12_03_121000_legal_fact": m17,
  "2026_12_03_130000_dashboard_count": m18,
  "2026_12_03_140000_referral_issue_days": m20,
  "2026_12_03_150000_assisted_application": m19,
  "2026_12_06_100000_audit_chain_head": m21,
};
