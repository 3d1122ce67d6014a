/**
 * Reference data: service centers in Punjab and Pakistan's missions in the countries the portal
 * serves first. Inserted at every start when missing; centers already in the store are never
 * overwritten, because administrators edit them in the back office.
 * Addresses and phone numbers are left to the back office: only officially confirmed ones belong there.
 */
import type { Kysely } from "kysely";
import type { Database, LegalFactTable, NewCenter } from "./schema";

// Contact details are not seeded: only what an administrator confirmed as official is shown.
type CenterSeed = Omit<
  NewCenter,
  | "created_at"
  | "updated_at"
  | "address"
  | "phone"
  | "email"
  | "weekly_hours"
  | "services"
  | "languages_spoken"
  | "latitude"
  | "longitude"
  | "details_confirmed_at"
  | "details_confirmed_by"
>;

export const CENTERS: CenterSeed[] = [
  {
    slug: "lahore",
    kind: "service_center",
    country_code: "PK",
    city: "Lahore",
    referral_code: null,
    name_en: "Police Service Center, Lahore",
    name_ur: "پولیس خدمت مرکز، لاہور",
    name_el: "Κέντρο Εξυπηρέτησης της Αστυνομίας, Λαχόρη",
    name_it: "Centro servizi della Polizia, Lahore",
  },
  {
    slug: "rawalpindi",
    kind: "service_center",
    country_code: "PK",
    city: "Rawalpindi",
    referral_code: null,
    name_en: "Police Service Center, Rawalpindi",
    name_ur: "پولیس خدمت مرکز، راولپنڈی",
    name_el: "Κέντρο Εξυπηρέτησης της Αστυνομίας, Ραβαλπίντι",
    name_it: "Centro servizi della Polizia, Rawalpindi",
  },
  {
    slug: "gujrat",
    kind: "service_center",
    country_code: "PK",
    city: "Gujrat",
    referral_code: null,
    name_en: "Police Service Center, Gujrat",
    name_ur: "پولیس خدمت مرکز، گجرات",
    name_el: "Κέντρο Εξυπηρέτησης της Αστυνομίας, Γκουτζράτ",
    name_it: "Centro servizi della Polizia, Gujrat",
  },
  {
    slug: "sialkot",
    kind: "service_center",
    country_code: "PK",
    city: "Sialkot",
    referral_code: null,
    name_en: "Police Service Center, Sialkot",
    name_ur: "پولیس خدمت مرکز، سیالکوٹ",
    name_el: "Κέντρο Εξυπηρέτησης της Αστυνομίας, Σιαλκότ",
    name_it: "Centro servizi della Polizia, Sialkot",
  },
  {
    slug: "athens",
    kind: "embassy",
    country_code: "GR",
    city: "Athens",
    referral_code: "ATHENS",
    name_en: "Embassy of Pakistan, Athens",
    name_ur: "سفارت خانہ پاکستان، ایتھنز",
    name_el: "Πρεσβεία του Πακιστάν, Αθήνα",
    name_it: "Ambasciata del Pakistan, Atene",
  },
  {
    slug: "rome",
    kind: "embassy",
    country_code: "IT",
    city: "Rome",
    referral_code: "ROME",
    name_en: "Embassy of Pakistan, Rome",
    name_ur: "سفارت خانہ پاکستان، روم",
    name_el: "Πρεσβεία του Πακιστάν, Ρώμη",
    name_it: "Ambasciata del Pakistan, Roma",
  },
  {
    slug: "milan",
    kind: "consulate",
    country_code: "IT",
    city: "Milan",
    referral_code: "MILAN",
    name_en: "Consulate General of Pakistan, Milan",
    name_ur: "قونصلیٹ جنرل پاکستان، میلان",
    name_el: "Γενικό Προξενείο του Πακιστάν, Μιλάνο",
    name_it: "Consolato Generale del Pakistan, Milano",
  },
  {
    slug: "madrid",
    kind: "embassy",
    country_code: "ES",
    city: "Madrid",
    referral_code: "MADRID",
    name_en: "Embassy of Pakistan, Madrid",
    name_ur: "سفارت خانہ پاکستان، میڈرڈ",
    name_el: "Πρεσβεία του Πακιστάν, Μαδρίτη",
    name_it: "Ambasciata del Pakistan, Madrid",
  },
  {
    slug: "barcelona",
    kind: "consulate",
    country_code: "ES",
    city: "Barcelona",
    referral_code: "BARCELONA",
    name_en: "Consulate General of Pakistan, Barcelona",
    name_ur: "قونصلیٹ جنرل پاکستان، بارسلونا",
    name_el: "Γενικό Προξενείο του Πακιστάν, Βαρκελώνη",
    name_it: "Consolato Generale del Pakistan, Barcellona",
  },
];

type LegalFactSeed = Pick<
  LegalFactTable,
  "key" | "destination" | "kind" | "value" | "label_ur" | "label_en" | "label_el" | "label_it" | "source"
>;

/**
 * The official sites the legal-migration page points to. Only links to the governments' own sites:
 * never a fee or a phone number, which change and must come from someone who checked them. Seeded
 * unchecked and unconfirmed, so the public page shows none of them until an administrator has
 * looked at each site, entered the date and confirmed it.
 */
export const LEGAL_FACTS: LegalFactSeed[] = [
  {
    key: "pk-beoe-site",
    destination: "PK",
    kind: "link",
    value: "https://beoe.gov.pk/",
    label_en: "Bureau of Emigration & Overseas Employment (BE&OE): licensed promoters and Protector of Emigrants offices",
    label_ur: "بیورو آف امیگریشن اینڈ اوورسیز ایمپلائمنٹ (BE&OE): لائسنس یافتہ پروموٹرز اور پروٹیکٹر آف امیگرنٹس کے دفاتر",
    label_el: "Bureau of Emigration & Overseas Employment (BE&OE): αδειοδοτημένοι πράκτορες και γραφεία του Protector of Emigrants",
    label_it: "Bureau of Emigration & Overseas Employment (BE&OE): promotori autorizzati e uffici del Protector of Emigrants",
    source: "Bureau of Emigration & Overseas Employment, Government of Pakistan",
  },
  {
    key: "gr-migration-ministry",
    destination: "GR",
    kind: "link",
    value: "https://migration.gov.gr/",
    label_en: "Greece: Ministry of Migration and Asylum",
    label_ur: "یونان: وزارتِ مائیگریشن و پناہ",
    label_el: "Ελλάδα: Υπουργείο Μετανάστευσης και Ασύλου",
    label_it: "Grecia: Ministero della Migrazione e dell'Asilo",
    source: "Ministry of Migration and Asylum, Hellenic Republic",
  },
  {
    key: "it-interior-ministry",
    destination: "IT",
    kind: "link",
    value: "https://www.interno.gov.it/",
    label_en: "Italy: Ministry of the Interior (work permits under the Decreto Flussi)",
    label_ur: "اٹلی: وزارتِ داخلہ (Decreto Flussi کے تحت کام کے اجازت نامے)",
    label_el: "Ιταλία: Υπουργείο Εσωτερικών (άδειες εργασίας με το Decreto Flussi)",
    label_it: "Italia: Ministero dell'Interno (nulla osta al lavoro con il Decreto Flussi)",
    source: "Ministero dell'Interno, Repubblica Italiana",
  },
  {
    key: "it-integration-portal",
    destination: "IT",
    kind: "link",
    value: "https://integrazionemigranti.gov.it/",
    label_en: "Italy: Integrazione Migranti, the government's portal for coming to work",
    label_ur: "اٹلی: Integrazione Migranti، کام کے لیے آنے والوں کا سرکاری پورٹل",
    label_el: "Ιταλία: Integrazione Migranti, η κρατική πύλη για όσους έρχονται να εργαστούν",
    label_it: "Italia: Integrazione Migranti, il portale del governo per chi viene a lavorare",
    source: "Ministero del Lavoro e delle Politiche Sociali, Repubblica Italiana",
  },
  {
    key: "es-inclusion-ministry",
    destination: "ES",
    kind: "link",
    value: "https://www.inclusion.gob.es/",
    label_en: "Spain: Ministry of Inclusion, Social Security and Migration (work and residence permits)",
    label_ur: "ہسپانیہ: وزارتِ شمولیت، سماجی تحفظ و مائیگریشن (کام اور رہائش کے اجازت نامے)",
    label_el: "Ισπανία: Υπουργείο Ένταξης, Κοινωνικής Ασφάλισης και Μετανάστευσης (άδειες εργασίας και διαμονής)",
    label_it: "Spagna: Ministero dell'Inclusione, della Previdenza sociale e delle Migrazioni (permessi di lavoro e soggiorno)",
    source: "Ministerio de Inclusión, Seguridad Social y Migraciones, Gobierno de España",
  },
  {
    key: "es-foreign-ministry",
    destination: "ES",
    kind: "link",
    value: "https://www.exteriores.gob.es/",
    label_en: "Spain: Ministry of Foreign Affairs (visas and the embassy in Islamabad)",
    label_ur: "ہسپانیہ: وزارتِ خارجہ (ویزے اور اسلام آباد میں سفارت خانہ)",
    label_el: "Ισπανία: Υπουργείο Εξωτερικών (βίζες και η πρεσβεία στο Ισλαμαμπάντ)",
    label_it: "Spagna: Ministero degli Affari Esteri (visti e ambasciata a Islamabad)",
    source: "Ministerio de Asuntos Exteriores, Unión Europea y Cooperación, Gobierno de España",
  },
];

export async function seedReferenceData(db: Kysely<Database>, now = new Date()): Promise<void> {
  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const center of CENTERS) {
      await trx
        .insertInto("center")
        .values({ ...center, created_at: stamp, updated_at: stamp })
        // Existing centers are left as they are: once the store has them, the back office owns their names.
        .onConflict((oc) => oc.column("slug").doNothing())
        .execute();
    }
    for (const fact of LEGAL_FACTS) {
      await trx
        .insertInto("legal_fact")
        .values({
          ...fact,
          checked_on: null,
          confirmed_by: null,
          confirmed_at: null,
          updated_by: null,
          created_at: stamp,
          updated_at: stamp,
        })
        // Once in the store, a fact belongs to the back office: an administrator's edit is never undone.
        .onConflict((oc) => oc.column("key").doNothing())
        .execute();
    }
  });
}
