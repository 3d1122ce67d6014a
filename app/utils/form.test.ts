import { describe, expect, it } from "vitest";
import type { ZodMiniType } from "zod/mini";
import { LANGUAGES } from "~/i18n";
import { NAME_MAX, PersonalSchema, PurposeSchema, TEXT_MAX } from "~/schemas/certificate";
import { getI18n } from "./i18n.server";
import { parseForm, renderFieldError } from "./form";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe("field errors keep the values their message needs", () => {
  const cases: { schema: ZodMiniType<unknown>; field: string; values: Record<string, string>; max: number }[] = [
    { schema: PersonalSchema, field: "fullName", values: { fullName: "x".repeat(10_000) }, max: NAME_MAX },
    {
      schema: PurposeSchema,
      field: "purposeOther",
      values: { purpose: "other", purposeOther: "x".repeat(10_000), destinationCountry: "GR" },
      max: TEXT_MAX,
    },
  ];
  it.each(LANGUAGES.flatMap((lang) => cases.map((c) => ({ lang, ...c }))))(
    "$lang: $field over $max characters",
    ({ lang, schema, field, values, max }) => {
      const parsed = parseForm(schema, form(values));
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      const { t } = getI18n(lang);
      const text = renderFieldError(t, parsed.errors[field]!);
      expect(text).toContain(String(max));
      expect(text).not.toContain("{{");
      expect(text).not.toContain("validation:");
    },
  );

  it("a required field stays a bare key", () => {
    const parsed = parseForm(PersonalSchema, form({ fullName: "" }));
    expect(parsed.ok ? null : parsed.errors.fullName).toBe("validation:required.fullName");
  });
});
