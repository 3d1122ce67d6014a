/**
 * Turns a submitted form into typed data or into field errors whose messages are translation keys.
 * Shared by server and browser (zod/mini keeps the browser bundle small).
 */
import * as z from "zod/mini";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormValues };

/** Text fields only; files are handled by the upload pipeline. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) if (typeof value === "string" && !(key in values)) values[key] = value;
  return values;
}

export function parseForm<T>(schema: z.ZodMiniType<T>, formData: FormData): ParsedForm<T> {
  const values = formValues(formData);
  const result = z.safeParse(schema, values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}
