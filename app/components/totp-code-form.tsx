import { Form } from "@remix-run/react";
import type { FieldError } from "~/utils/form";
import { StaffSignOut } from "./staff-sign-out";
import { TextField } from "./text-field";

/** The six digits from the authenticator app (or a recovery code), and a way out of the sign-in. */
export function TotpCodeForm({
  label,
  hint,
  submit,
  numeric = false,
  error,
}: {
  label: string;
  hint: string;
  submit: string;
  /** Only digits are possible (setting up): phones show the number pad. Signing in also takes recovery codes. */
  numeric?: boolean;
  error: FieldError | undefined;
}) {
  return (
    <>
      <Form method="post" noValidate>
        <TextField
          name="code"
          label={label}
          hint={hint}
          autoComplete="one-time-code"
          inputMode={numeric ? "numeric" : undefined}
          spellCheck={false}
          dir="ltr"
          maxLength={64}
          error={error}
        />
        <button type="submit" className="button">
          {submit}
        </button>
      </Form>
      <StaffSignOut />
    </>
  );
}
