/** A legal-migration fact's form as an administrator fills it in: good in every field (checked on 2 December 2026). */
export const LEGAL_FACT_FORM = {
  key: "gr-migration-ministry",
  destination: "GR",
  kind: "link",
  value: "https://migration.gov.gr/",
  labelUr: "یونان: وزارتِ مائیگریشن و پناہ",
  labelEn: "Greece: Ministry of Migration and Asylum",
  labelEl: "Ελλάδα: Υπουργείο Μετανάστευσης και Ασύλου",
  labelIt: "Grecia: Ministero della Migrazione e dell'Asilo",
  source: "Ministry of Migration and Asylum, Hellenic Republic",
  checkedOnDay: "2",
  checkedOnMonth: "12",
  checkedOnYear: "2026",
};
