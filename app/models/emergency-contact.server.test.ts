import { expect, it } from "vitest";
import { EmergencyContactSchema } from "~/schemas/emergency-contact";
import { parseForm } from "~/utils/form";
import { createTestStaff } from "../../test/support/staff-accounts";
import { describeEachStore } from "../../test/support/stores";
import { addEmergencyContact, listEmergencyContacts, removeEmergencyContact } from "./emergency-contact.server";

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

it("reads short numbers as typed and full numbers in the country's format as E.164", () => {
  const parse = (values: Record<string, string>) => parseForm(EmergencyContactSchema, form(values));
  expect(parse({ countryCode: "gr", kind: "police", phone: " 112 " })).toEqual({
    ok: true,
    data: { countryCode: "GR", kind: "police", phone: "112" },
  });
  expect(parse({ countryCode: "GR", kind: "embassy", phone: "210 672 9700" })).toMatchObject({
    ok: true,
    data: { phone: "+302106729700" },
  });
  expect(parse({ countryCode: "IT", kind: "embassy", phone: "+39 06 3630 1775" })).toMatchObject({
    ok: true,
    data: { phone: "+390636301775" },
  });
  expect(parse({ countryCode: "GR", kind: "police", phone: "call us" })).toMatchObject({
    ok: false,
    errors: { phone: "staff:validation.emergencyPhoneFormat" },
  });
  expect(parse({ countryCode: "", kind: "", phone: "" })).toMatchObject({
    ok: false,
    errors: {
      countryCode: "staff:validation.emergencyCountryRequired",
      kind: "staff:validation.emergencyKindRequired",
      phone: "staff:validation.emergencyPhoneRequired",
    },
  });
  expect(parse({ countryCode: "GR", kind: "police", phone: "1".repeat(10_000) })).toMatchObject({
    ok: false,
    errors: { phone: { key: "staff:validation.emergencyPhoneFormat" } },
  });
});

describeEachStore("emergency contacts", (store) => {
  it("adds, lists by country, refuses a duplicate, removes, and audits each change", async () => {
    const { db } = store();
    const { id: adminId } = await createTestStaff(db, { role: "admin", totp: false });
    const actor = { actorType: "staff" as const, actorId: adminId, sessionRef: "0123456789abcdef" };
    const embassy = await addEmergencyContact(db, { countryCode: "GR", kind: "embassy", phone: "+302106729700", actor });
    expect(embassy.ok).toBe(true);
    expect((await addEmergencyContact(db, { countryCode: "GR", kind: "police", phone: "112", actor })).ok).toBe(true);
    expect((await addEmergencyContact(db, { countryCode: "IT", kind: "police", phone: "112", actor })).ok).toBe(true);
    expect(await addEmergencyContact(db, { countryCode: "GR", kind: "police", phone: "112", actor })).toEqual({
      ok: false,
      problem: "exists",
    });

    expect((await listEmergencyContacts(db, "GR")).map((c) => [c.kind, c.phone])).toEqual([
      ["police", "112"],
      ["embassy", "+302106729700"],
    ]);
    expect((await listEmergencyContacts(db)).map((c) => c.countryCode)).toEqual(["GR", "GR", "IT"]);

    const id = embassy.ok ? embassy.id : "";
    expect(await removeEmergencyContact(db, { id, actor })).toBe(true);
    expect(await removeEmergencyContact(db, { id, actor })).toBe(false);
    expect((await listEmergencyContacts(db, "GR")).map((c) => c.kind)).toEqual(["police"]);

    const events = await db
      .selectFrom("audit_event")
      .select(["action", "entity_id"])
      .where("entity_type", "=", "emergency_contact")
      .orderBy("seq")
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      "emergency_contact.added",
      "emergency_contact.added",
      "emergency_contact.added",
      "emergency_contact.removed",
    ]);
    expect(events[3]!.entity_id).toBe(id);
  });
});
