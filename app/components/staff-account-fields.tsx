/** Fields the staff account forms share: invitation, first-admin setup, accepting an invitation, editing an account. */
import { useTranslation } from "~/utils/use-translation";
import { ROLES } from "~/domain/permissions";
import type { FieldErrors, FormValues } from "~/utils/form";
import { Radios } from "./radios";
import { SelectField } from "./select-field";
import { EmailField, TextField } from "./text-field";

/** A person's name and sign-in e-mail; `own` when they type their own (the browser may fill them in). */
export function NameAndEmailFields({
  labels,
  own,
  errors,
  values,
}: {
  labels: { name: string; email: string; emailHint: string };
  own: boolean;
  errors: FieldErrors | undefined;
  values: FormValues;
}) {
  return (
    <>
      <TextField
        name="displayName"
        label={labels.name}
        autoComplete={own ? "name" : "off"}
        spellCheck={false}
        error={errors?.displayName}
        defaultValue={values.displayName}
      />
      <EmailField
        name="email"
        label={labels.email}
        hint={labels.emailHint}
        autoComplete={own ? "username" : "off"}
        error={errors?.email}
        defaultValue={values.email}
      />
    </>
  );
}

/** A new password typed twice; never sent back into the page. */
export function NewPasswordFields({ hint, errors }: { hint: string; errors: FieldErrors | undefined }) {
  const { t } = useTranslation("staff");
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={t("setup.password")}
        hint={hint}
        autoComplete="new-password"
        error={errors?.password}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("setup.confirmPassword")}
        autoComplete="new-password"
        error={errors?.confirmPassword}
      />
    </>
  );
}

/** The role and, for roles tied to one, the center: centers come already named in the reader's language. */
export function RoleAndCenterFields({
  centers,
  errors,
  values,
}: {
  centers: readonly { value: string; label: string }[];
  errors: FieldErrors | undefined;
  values: FormValues;
}) {
  const { t } = useTranslation("staff");
  return (
    <>
      <Radios
        name="role"
        legend={t("invite.role")}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        error={errors?.role}
        defaultValue={values.role}
      />
      <SelectField
        name="center"
        label={t("invite.center")}
        hint={t("invite.centerHint")}
        options={centers}
        error={errors?.center}
        defaultValue={values.center}
        placeholder={t("invite.noCenter")}
      />
    </>
  );
}

/** An invitation link shown once, to copy: a redirect would have to carry the secret in its URL. */
export function InvitationLink({ link, expires }: { link: string; expires: string }) {
  const { t } = useTranslation("staff");
  return (
    <div className="form-group">
      <label className="label" htmlFor="invitation-link">
        {t("invite.linkLabel")}
      </label>
      <p className="hint" id="invitation-link-hint">
        {t("invite.linkHint", { date: expires })}
      </p>
      <input
        className="input"
        id="invitation-link"
        type="text"
        readOnly
        value={link}
        dir="ltr"
        spellCheck={false}
        aria-describedby="invitation-link-hint"
      />
    </div>
  );
}
