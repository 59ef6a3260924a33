/**
 * `<input type="datetime-local">` speaks the browser's local time without a zone; the server
 * speaks instants. These convert between the two in the browser's own zone, which is the zone the
 * moderator reads the field in.
 */
const pad = (n: number) => String(n).padStart(2, "0");

export function toDatetimeLocal(date: Date | null | undefined): string {
  if (!date) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** null for an empty field; a field the browser could not read is null too (the input prevents it). */
export function fromDatetimeLocal(value: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
