// The downloadable error report of an import: one CSV record per failed row, with the row
// number, what is wrong, and the row's own cells, so the file can be fixed in a spreadsheet
// (delete the first two columns) and imported again.
import type { contactImportV1 } from '@kith/contracts';

export const REPORT_LEAD_COLUMNS = ['row', 'errors'] as const;

/** The report's header: the lead columns, then the file's columns as the first error carries them. */
export function reportHeader(first: contactImportV1.ImportRowError__Output | undefined): string[] {
  return [...REPORT_LEAD_COLUMNS, ...(first?.cells.map((cell) => cell.column) ?? [])];
}

/** "emails[0].address: is not a valid email address; person: a person needs ..." */
export function describeErrors(
  errors: readonly contactImportV1.ImportFieldError__Output[],
): string {
  return errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
}

/** One record, cells placed under the header's columns (by name; missing ones empty). */
export function reportRecord(
  error: contactImportV1.ImportRowError__Output,
  header: readonly string[],
): string[] {
  const byColumn = new Map(error.cells.map((cell) => [cell.column, cell.value]));
  const cells = header.slice(REPORT_LEAD_COLUMNS.length).map((c) => byColumn.get(c) ?? '');
  return [error.rowNumber, describeErrors(error.errors), ...cells];
}
