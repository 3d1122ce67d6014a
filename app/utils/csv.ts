/**
 * CSV for spreadsheets (RFC 4180) that a spreadsheet cannot turn into a formula: a cell starting
 * with = + - @ (or a tab or carriage return, which some spreadsheets strip first) is prefixed with
 * an apostrophe, as OWASP recommends for CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
