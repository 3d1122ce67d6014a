import { describe, expect, it } from "vitest";
import { LANGUAGES } from "~/i18n";
import { parseForm, renderFieldError } from "~/utils/form";
import { getI18n } from "~/utils/i18n.server";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";
import { AcceptInvitationSchema } from "./staff-invitation";
import { StaffSetupSchema } from "./staff-setup";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};
const setup = { token: "t", displayName: "Ayesha Malik", email: "ayesha@police.example.pk" };
const forms = [
  { name: "first setup", schema: StaffSetupSchema, base: setup },
  { name: "accepted invitation", schema: AcceptInvitationSchema, base: { token: "t" } },
];

describe.each(forms)("a new password ($name)", ({ schema, base }) => {
  const errors = (password: string, confirmPassword = password) => {
    const parsed = parseForm(schema, form({ ...base, password, confirmPassword }));
    return parsed.ok ? null : parsed.errors;
  };

  it(`takes ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, spaces kept`, () => {
    expect(errors("x".repeat(PASSWORD_MIN_LENGTH))).toBeNull();
    expect(errors("x".repeat(PASSWORD_MAX_LENGTH))).toBeNull();
    const parsed = parseForm(schema, form({ ...base, password: " correct horse battery ", confirmPassword: " correct horse battery " }));
    expect(parsed.ok && parsed.data.password).toBe(" correct horse battery ");
  });

  it("says what is wrong, with the limit the message shows", () => {
    expect(errors("")?.password).toBe("staff:validation.passwordRequired");
    expect(errors("x".repeat(PASSWORD_MIN_LENGTH - 1))?.password).toEqual({
      key: "staff:validation.passwordTooShort",
      values: { min: PASSWORD_MIN_LENGTH },
    });
    expect(errors("x".repeat(PASSWORD_MAX_LENGTH + 1))?.password).toEqual({
      key: "staff:validation.passwordTooLong",
      values: { max: PASSWORD_MAX_LENGTH },
    });
  });

  it("needs the same password twice", () => {
    expect(errors("x".repeat(PASSWORD_MIN_LENGTH), "y".repeat(PASSWORD_MIN_LENGTH))).toEqual({
      confirmPassword: "staff:validation.passwordMismatch",
    });
  });
});

// The messages spell the limits out, so they must say what the constants say.
it.each(LANGUAGES)("%s: the length messages name the real limits", (lang) => {
  const { t } = getI18n(lang);
  const short = parseForm(AcceptInvitationSchema, form({ password: "x", confirmPassword: "x" }));
  const long = parseForm(AcceptInvitationSchema, form({ password: "x".repeat(PASSWORD_MAX_LENGTH + 1) }));
  expect(short.ok ? "" : renderFieldError(t, short.errors.password!)).toContain(String(PASSWORD_MIN_LENGTH));
  expect(long.ok ? "" : renderFieldError(t, long.errors.password!)).toContain(String(PASSWORD_MAX_LENGTH));
});
