import type { ConsentRecord } from '../src/domain/consent';
import { importedConsentRecords, withImportedConsent } from '../src/domain/import-consent';

const NOW = '2026-03-01T10:00:00.000Z';
const record = (status: ConsentRecord['status'], capturedAt: string): ConsentRecord => ({
  channel: 'email',
  status,
  source: 'web-form',
  capturedAt,
  recordedAt: capturedAt,
});
const contactWith = (...history: ConsentRecord[]) => ({
  communication: history.length > 0 ? { email: history[history.length - 1] } : {},
  consentHistory: history,
});
const imported = (status: string, capturedAt?: string) => {
  const { records } = importedConsentRecords(
    [{ channel: 'email', status, ...(capturedAt ? { capturedAt } : {}) }],
    { now: NOW, recordedBy: 'u-1' },
  );
  return records;
};

describe('importedConsentRecords', () => {
  it('turns a status and capture time into a record from the import, recorded now by the importer', () => {
    const { records, errors } = importedConsentRecords(
      [{ channel: 'email', status: 'opted_in', capturedAt: '2026-01-05T09:00:00Z' }],
      { now: NOW, recordedBy: 'u-1' },
    );

    expect(errors).toEqual([]);
    expect(records).toEqual([
      {
        channel: 'email',
        status: 'opted_in',
        source: 'import',
        capturedAt: '2026-01-05T09:00:00.000Z',
        recordedAt: NOW,
        recordedBy: 'u-1',
      },
    ]);
  });

  it('takes an opt-out without a capture time as captured now: a withdrawal is honoured at once', () => {
    expect(imported('opted_out')).toEqual([
      expect.objectContaining({ status: 'opted_out', capturedAt: NOW }),
    ]);
  });

  it('refuses an opt-in without a capture time, naming the column', () => {
    const { records, errors } = importedConsentRecords([{ channel: 'sms', status: 'opted_in' }], {
      now: NOW,
    });

    expect(records).toEqual([]);
    expect(errors).toEqual([
      {
        field: 'consent.sms.capturedAt',
        message: 'is required with opted_in or unknown: when the person gave it',
      },
    ]);
  });

  it('refuses a capture time without a status, and a status it does not know, naming the columns', () => {
    const { errors } = importedConsentRecords(
      [
        { channel: 'email', status: '', capturedAt: '2026-01-05T09:00:00Z' },
        { channel: 'phone', status: 'maybe', capturedAt: '2026-01-05T09:00:00Z' },
      ],
      { now: NOW },
    );

    expect(errors.map((e) => e.field)).toEqual(['consent.email.status', 'consent.phone.status']);
  });
});

describe('withImportedConsent', () => {
  it('adds nothing when the channel already has that status', () => {
    const current = contactWith(record('opted_out', '2026-02-01T00:00:00.000Z'));

    const { contact, added } = withImportedConsent(current, imported('opted_out'));

    expect(added).toEqual([]);
    expect(contact).toBe(current);
  });

  it('adds nothing for a record the history holds already (the same file imported again)', () => {
    const current = contactWith(
      record('opted_out', '2026-01-01T00:00:00.000Z'),
      record('opted_in', '2026-02-01T00:00:00.000Z'),
    );

    const { added } = withImportedConsent(
      current,
      imported('opted_out', '2026-01-01T00:00:00.000Z'),
    );

    expect(added).toEqual([]);
  });

  it('makes an opt-in captured after the current opt-out current', () => {
    const current = contactWith(record('opted_out', '2026-02-01T00:00:00.000Z'));

    const { contact, added } = withImportedConsent(
      current,
      imported('opted_in', '2026-02-15T00:00:00.000Z'),
    );

    expect(added).toHaveLength(1);
    expect(contact.communication.email?.status).toBe('opted_in');
    expect(contact.consentHistory).toHaveLength(2);
  });

  it('never lets an opt-in captured no later than the current opt-out in, not even into the history', () => {
    const current = contactWith(record('opted_out', '2026-02-01T00:00:00.000Z'));

    const { contact, added } = withImportedConsent(current, [
      ...imported('opted_in', '2026-01-15T00:00:00.000Z'),
    ]);
    const tie = withImportedConsent(current, imported('opted_in', '2026-02-01T00:00:00.000Z'));

    expect([added, tie.added]).toEqual([[], []]);
    expect(contact.communication.email?.status).toBe('opted_out');
  });

  it('keeps an opt-out captured before the current opt-in in the history without making it current', () => {
    const current = contactWith(record('opted_in', '2026-02-01T00:00:00.000Z'));

    const { contact, added } = withImportedConsent(
      current,
      imported('opted_out', '2026-01-15T00:00:00.000Z'),
    );

    expect(added).toHaveLength(1);
    expect(contact.consentHistory).toHaveLength(2);
    expect(contact.communication.email?.status).toBe('opted_in');
  });

  it('gives a contact without consent the records of the row', () => {
    const { contact } = withImportedConsent(
      contactWith(),
      imported('opted_in', '2026-01-15T00:00:00.000Z'),
    );

    expect(contact.communication.email).toMatchObject({ status: 'opted_in', source: 'import' });
  });
});
