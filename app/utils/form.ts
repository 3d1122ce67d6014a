/**
 * Turns a submitted form into typed data or into field errors: a translation key, with the values
 * its placeholders need. Shared by server and browser (zod/mini keeps the browser bundle small).
 */
import type { TFunction } from "i18next";
import * as z from "zod/mini";

export type MessageValues = Record<string, string | number>;
/**
 * A bare key, or a key with its values. Never a key whose values were dropped: anything that shows
 * a field error goes through `renderFieldError`, and `t(error)` does not typecheck on the object form.
 */
export type FieldError = string | { key: string; values: MessageValues };
export type FieldErrors = Record<string, FieldError>;
export type FormValues = Record<string, string>;

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormValues };

/** Text fields only; files are handled by the upload pipeline. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) if (typeof value === "string" && !(key in values)) values[key] = value;
  return values;
}

/**
 * The limit comes from the issue itself, so "{{max}}" always shows the schema's real limit and no
 * schema can forget to pass it.
 */
function issueError(issue: z.core.$ZodIssue): FieldError {
  if (issue.code === "too_big") return { key: issue.message, values: { max: Number(issue.maximum) } };
  // A minimum of one is how a schema says "required": there is no count to show.
  if (issue.code === "too_small" && Number(issue.minimum) > 1) return { key: issue.message, values: { min: Number(issue.minimum) } };
  return issue.message;
}

export function parseForm<T>(schema: z.ZodMiniType<T>, formData: FormData): ParsedForm<T> {
  const values = formValues(formData);
  const result = z.safeParse(schema, values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issueError(issue);
  }
  return { ok: false, errors, values };
}

export function fieldErrorKey(error: FieldError): string {
  return typeof error === "string" ? error : error.key;
}

/** The one way a field error becomes text (inline message, error summary, anywhere else). */
export function renderFieldError(t: TFunction, error: FieldError): string {
  return typeof error === "string" ? t(error) : t(error.key, error.values);
}
