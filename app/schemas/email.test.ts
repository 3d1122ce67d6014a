import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { parseForm } from "~/utils/form";
import { contactEmail, EMAIL_MAX_LENGTH, optionalStaffEmail, staffEmail } from "./email";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};
const errorOf = (schema: z.ZodMiniType<unknown>, email: string) => {
  const parsed = parseForm(z.object({ email: schema }), form({ email }));
  return parsed.ok ? null : parsed.errors.email;
};
const dataOf = (schema: z.ZodMiniType<unknown>, email: string) => {
  const parsed = parseForm(z.object({ email: schema }), form({ email }));
  return parsed.ok ? parsed.data : null;
};
const tooLong = `${"a".repeat(EMAIL_MAX_LENGTH)}@example.com`;

describe("staff e-mail address", () => {
  const schema = staffEmail("staff:validation.staffEmailRequired");
  it("trims and lower-cases", () => {
    expect(dataOf(schema, "  Officer.Khan@Police.Example.PK ")).toEqual({ email: "officer.khan@police.example.pk" });
    expect(dataOf(schema, "a@b.c")).toEqual({ email: "a@b.c" });
  });
  it.each([
    ["", "staff:validation.staffEmailRequired"],
    ["   ", "staff:validation.staffEmailRequired"],
    ["officer", "staff:validation.emailFormat"],
    ["officer@police", "staff:validation.emailFormat"],
    ["officer khan@police.pk", "staff:validation.emailFormat"],
  ])("refuses %j with %s", (email, key) => {
    expect(errorOf(schema, email)).toBe(key);
  });
  it("says which limit a too-long address passed", () => {
    expect(errorOf(schema, tooLong)).toEqual({ key: "staff:validation.emailFormat", values: { max: EMAIL_MAX_LENGTH } });
  });
});

describe("a center's optional e-mail address", () => {
  const schema = optionalStaffEmail();
  it("may stay empty, or be missing", () => {
    expect(dataOf(schema, "  ")).toEqual({ email: "" });
    expect(parseForm(z.object({ email: schema }), form({}))).toEqual({ ok: true, data: { email: "" } });
  });
  it("else follows the staff rule", () => {
    expect(dataOf(schema, "Athens@Embassy.Example")).toEqual({ email: "athens@embassy.example" });
    expect(errorOf(schema, "athens@")).toBe("staff:validation.emailFormat");
    expect(errorOf(schema, tooLong)).toEqual({ key: "staff:validation.emailFormat", values: { max: EMAIL_MAX_LENGTH } });
  });
});

describe("an applicant's contact address", () => {
  const schema = contactEmail("validation:required.email");
  it("is trimmed; ContactSchema lower-cases it later", () => {
    expect(dataOf(schema, " Ali@Example.com ")).toEqual({ email: "Ali@Example.com" });
  });
  it.each([
    ["", "validation:required.email"],
    ["ali@", "validation:email.format"],
    ["<script>@x.yz", "validation:email.format"],
    // Stricter than the staff rule: a one-letter top-level domain is a typo here.
    ["a@b.c", "validation:email.format"],
  ])("refuses %j with %s", (email, key) => {
    expect(errorOf(schema, email)).toBe(key);
  });
  it("says which limit a too-long address passed", () => {
    expect(errorOf(schema, tooLong)).toEqual({ key: "validation:email.format", values: { max: EMAIL_MAX_LENGTH } });
  });
});
