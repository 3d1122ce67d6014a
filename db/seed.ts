/**
 * Reference data: service centers in Punjab and Pakistan's missions in the countries the portal
 * serves first. Inserted at every start when missing; centers already in the store are never
 * overwritten, because administrators edit them in the back office.
 * Addresses and phone numbers are left to the back office: only officially confirmed ones belong there.
 */
import type { Kysely } from "kysely";
import type { Database, NewCenter } from "./schema";

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
  });
}
