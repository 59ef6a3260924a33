/**
 * CSV as spreadsheet programs read it: RFC 4180 quoting (a cell with a comma, quote or line break
 * is quoted, quotes doubled), CRLF line ends, and text cells that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or carriage return) prefixed with an apostrophe, the
 * OWASP advice against CSV injection: https://owasp.org/www-community/attacks/CSV_Injection
 */
export type CsvCell = string | number | null;

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  // Numbers are ours (counts, shares), never a reader's text: written as they are.
  if (typeof value === "number") return String(value);
  const neutral = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(neutral) ? `"${neutral.replaceAll('"', '""')}"` : neutral;
}

/** The rows as one CSV text, starting with a byte-order mark so that Excel reads it as UTF-8 (Chinese included). */
export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
