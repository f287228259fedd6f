// A generated contact CSV for the import tests and bench/contact-import. Every 100 rows hold
// one row without a name, one with a bad email, one with a bad country code and one that
// repeats the email of a row ten rows earlier (an in-file duplicate); every 500th row, from
// the fifth, repeats `existing-<k>@example.org` (a duplicate of a contact made beforehand).
// `clean: true` leaves all of that out (the bench's 100k rows).

export const CONTACT_CSV_HEADER =
  'First Name,Last Name,Email,Phone,Address,City,Postal Code,Country,Tags,Do Not Contact';

export interface ContactCsvOptions {
  rows: number;
  /** A tag in every row, to find the import's contacts again. */
  tag?: string;
  clean?: boolean;
}

export type CsvRowKind =
  'good' | 'no-name' | 'bad-email' | 'bad-country' | 'in-file-dup' | 'existing-dup';

export function csvRowKind(row: number, clean = false): CsvRowKind {
  if (clean) return 'good';
  if (row % 500 === 5) return 'existing-dup';
  switch (row % 100) {
    case 1:
      return 'no-name';
    case 2:
      return 'bad-email';
    case 3:
      return 'bad-country';
    case 4:
      return row > 10 ? 'in-file-dup' : 'good';
    default:
      return 'good';
  }
}

function cell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (no newline) for data row `row` (1-based). */
export function contactCsvLine(row: number, opts: ContactCsvOptions): string {
  const kind = csvRowKind(row, opts.clean);
  let first = `Ada${row}`;
  const last = `Lovelace${row % 997}`;
  let email = `ada-${row}@example.org`;
  let country = 'GB';
  if (kind === 'no-name') first = '';
  if (kind === 'bad-email') email = `ada-${row}.example.org`;
  if (kind === 'bad-country') country = 'Britain';
  if (kind === 'in-file-dup') email = `ada-${row - 10}@example.org`;
  if (kind === 'existing-dup') email = `existing-${Math.floor(row / 500) % 20}@example.org`;
  const phone = `+44 20 ${String(row).padStart(8, '0')}`;
  const tags = ['import-test', opts.tag].filter(Boolean).join('; ');
  return [
    first,
    kind === 'no-name' ? '' : last,
    email,
    phone,
    `${row} Analytical Way`,
    'London',
    'SW1A 1AA',
    country,
    tags,
    row % 7 === 0 ? 'yes' : 'no',
  ]
    .map(cell)
    .join(',');
}

/** The whole file, header first, lines ending in \n. */
export function* contactCsvLines(opts: ContactCsvOptions): Generator<string> {
  yield `${CONTACT_CSV_HEADER}\n`;
  for (let row = 1; row <= opts.rows; row++) yield `${contactCsvLine(row, opts)}\n`;
}

/** How many rows of each kind the first `rows` rows hold. */
export function csvRowCounts(rows: number, clean = false): Record<CsvRowKind, number> {
  const counts: Record<CsvRowKind, number> = {
    good: 0,
    'no-name': 0,
    'bad-email': 0,
    'bad-country': 0,
    'in-file-dup': 0,
    'existing-dup': 0,
  };
  for (let row = 1; row <= rows; row++) counts[csvRowKind(row, clean)] += 1;
  return counts;
}
