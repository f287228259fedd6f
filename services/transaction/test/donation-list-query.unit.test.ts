// Listing requests: filters checked with every problem at once, page tokens bound to the
// tenant and the filters they were issued for.
import { DonationErrorCode } from '../src/domain/donation-error';
import { nextDonationPageToken, parseDonationListQuery } from '../src/domain/donation-list-query';
import { JANE, TENANT, errorOf } from './support/donation-givens';

describe('parseDonationListQuery', () => {
  it('keeps the filters, in UTC, with the default page size', () => {
    expect(
      parseDonationListQuery(TENANT, {
        donorId: JANE,
        status: 'refunded',
        campaignId: 'spring',
        receivedFrom: '2026-11-01T00:00:00+01:00',
      }),
    ).toEqual({
      tenantId: TENANT,
      filter: {
        donorId: JANE,
        status: 'refunded',
        campaignId: 'spring',
        receivedFrom: '2026-10-31T23:00:00.000Z',
      },
      pageSize: 50,
    });
  });

  it('names every bad filter at once', () => {
    const err = errorOf(() =>
      parseDonationListQuery(TENANT, {
        donorId: 'c-1',
        status: 'lost',
        receivedFrom: '2026-11-02',
        pageSize: 500,
      }),
    );

    expect(err.code).toBe(DonationErrorCode.VALIDATION_FAILED);
    expect(err.fieldErrors.map((e) => e.field)).toEqual([
      'donorId',
      'status',
      'receivedFrom',
      'pageSize',
    ]);
  });

  it('refuses an empty or backwards received range', () => {
    const err = errorOf(() =>
      parseDonationListQuery(TENANT, {
        receivedFrom: '2026-11-02T00:00:00Z',
        receivedTo: '2026-11-01T00:00:00Z',
      }),
    );
    expect(err.fieldErrors).toEqual([
      { field: 'receivedTo', message: 'must be after receivedFrom' },
    ]);
  });

  it('takes back its token only for the same tenant and filters', () => {
    const query = parseDonationListQuery(TENANT, { donorId: JANE, pageSize: 2 });
    const token = nextDonationPageToken(query, {
      receivedAt: '2026-11-01T00:00:00.000Z',
      id: 'd-9',
    });

    expect(parseDonationListQuery(TENANT, { donorId: JANE, pageToken: token }).after).toEqual({
      receivedAt: '2026-11-01T00:00:00.000Z',
      id: 'd-9',
    });
    expect(errorOf(() => parseDonationListQuery(TENANT, { pageToken: token })).fieldErrors).toEqual(
      [{ field: 'pageToken', message: 'is not a token this service issued' }],
    );
    expect(() => parseDonationListQuery('other', { donorId: JANE, pageToken: token })).toThrow();
  });
});
