// How a gift is stored: one `donations` document with its soft credits and refunds inside, so
// every change is one single-document write carrying the outbox's commit record
// (`_outboxLog`). `softCreditContactIds` repeats, as one top-level array, whom the gift
// credits or honours: "the gifts crediting this contact" is then an equality FerretDB pushes
// down (a GIN index serves it on PostgreSQL) and a tenant-first index serves on MongoDB.
import type { OutboxLogRecord } from '@kith/bus';
import type { Donation } from '../domain/donation';
import { creditedContactIds } from '../domain/soft-credits';

export const DONATIONS_COLLECTION = 'donations';

/** Fields a gift may lose (cleared by an edit, or by an erasure): `$unset` when absent. */
export const OPTIONAL_DONATION_FIELDS = [
  'donorId',
  'fund',
  'campaignId',
  'sourceCode',
  'externalReference',
  'tribute',
] as const;

export type DonationDocument = Omit<Donation, 'id'> & {
  _id: string;
  softCreditContactIds: string[];
  _outboxLog?: OutboxLogRecord[];
};

/** The stored form, without absent optional fields (the driver would store them as null). */
export function toDonationDocument(donation: Donation): DonationDocument {
  const { id, ...state } = JSON.parse(JSON.stringify(donation)) as Donation;
  return { _id: id, ...state, softCreditContactIds: creditedContactIds(donation) };
}

export function fromDonationDocument(doc: DonationDocument): Donation {
  const { _id, softCreditContactIds: _credited, _outboxLog: _log, ...state } = doc;
  return { id: _id, ...state };
}
