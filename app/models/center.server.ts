import type { Kysely } from "kysely";
import type { Lang } from "~/i18n";
import type { Database } from "../../db/schema";

export type CenterListing = {
  slug: string;
  kind: "service_center" | "embassy" | "consulate";
  countryCode: string;
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
};

const NAME_COLUMN = { ur: "name_ur", en: "name_en", el: "name_el", it: "name_it" } as const;

/** Active centers with their name in the reader's language, Pakistan's service centers first. */
export async function listActiveCenters(db: Kysely<Database>, lang: Lang): Promise<CenterListing[]> {
  const rows = await db
    .selectFrom("center")
    .select(["slug", "kind", "country_code", "address", "phone", "email", NAME_COLUMN[lang]])
    .where("active", "=", 1)
    .orderBy("country_code")
    .orderBy("city")
    .execute();
  return rows.map((row) => ({
    slug: row.slug,
    kind: row.kind,
    countryCode: row.country_code,
    name: row[NAME_COLUMN[lang]],
    address: row.address,
    phone: row.phone,
    email: row.email,
  }));
}
