// What an erasure does to import error reports. A refused row never became a contact, so it
// carries no contact id: it is recognised by its cells instead, with the matcher's own keys
// (contact-matching.ts): a cell holding one of the person's emails or phone numbers, or cells
// holding both their first and last name. Such a row loses its values as read and its error
// messages; it keeps its number, its columns (the report's header is read from its first row)
// and the fields that failed, so the report still adds up. Pure and
// idempotent: a report already scrubbed answers "no change".
import { normalizeSearchText } from './contact-name.util';
import { matchValues, phoneKey, type MatchableContact } from './contact-matching';
import { normalizeEmail } from './contact-validation';

/** How a refused row can name the person: the matcher's normalized keys of their contact. */
export interface ErasedIdentifiers {
  emails: readonly string[];
  phones: readonly string[];
  firstName?: string;
  lastName?: string;
}

export interface ReportRow {
  rowNumber: number;
  errors: Array<{ field: string; message: string }>;
  cells: Array<{ column: string; value: string }>;
}

export const ERASED_ROW_MESSAGE = 'Removed: the row named a person who has since been erased.';

export function erasedIdentifiersOf(contact: MatchableContact): ErasedIdentifiers {
  const [firstName] = matchValues(contact, 'firstName');
  const [lastName] = matchValues(contact, 'lastName');
  return {
    emails: matchValues(contact, 'email'),
    phones: matchValues(contact, 'phone'),
    ...(firstName ? { firstName } : {}),
    ...(lastName ? { lastName } : {}),
  };
}

/** True when nothing could be recognised (e.g. a retry after the contact was erased). */
export function identifiesNobody(who: ErasedIdentifiers): boolean {
  return who.emails.length === 0 && who.phones.length === 0 && !(who.firstName && who.lastName);
}

export function rowNamesPerson(row: ReportRow, who: ErasedIdentifiers): boolean {
  const words: string[] = [];
  for (const { value } of row.cells) {
    const email = normalizeEmail(value);
    if (email && who.emails.includes(email)) return true;
    const phone = phoneKey(value);
    if (phone && who.phones.includes(phone)) return true;
    words.push(normalizeSearchText(value));
  }
  // Whole words, so "Ann" is not found in "Joanne"; names of several words stay together.
  const text = ` ${words.join(' ')} `;
  const has = (name: string | undefined) => Boolean(name) && text.includes(` ${name} `);
  return has(who.firstName) && has(who.lastName);
}

/** The report's rows with the person's ones emptied, or undefined when none names them. */
export function decideEraseReportRows<R extends ReportRow>(
  rows: readonly R[],
  who: ErasedIdentifiers,
): R[] | undefined {
  if (identifiesNobody(who)) return undefined;
  let changed = false;
  const next = rows.map((row) => {
    if (!rowNamesPerson(row, who)) return row;
    changed = true;
    const errors = row.errors.map(({ field }) => ({ field, message: ERASED_ROW_MESSAGE }));
    return { ...row, errors, cells: row.cells.map(({ column }) => ({ column, value: '' })) };
  });
  return changed ? next : undefined;
}
