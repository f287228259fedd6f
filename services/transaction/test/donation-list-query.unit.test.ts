// Listing requests: filters checked with every problem at once, page tokens bound to the
// tenant and the filters they were issued for.
import { DonationErrorCode } from '../src/domain/donation-error';
import {
  matchesNothing,
  nextDonationPageToken,
  parseDonationListQuery,
} from '../src/domain/donation-list-query';
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

  it.each([
    ['backwards', '2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z', true],
    ['empty', '2026-11-01T10:00:00Z', '2026-11-01T11:00:00+01:00', true],
    ['one millisecond long', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00.001Z', false],
  ])(
    'takes a %s received range, which matches nothing unless it holds an instant',
    (_what, from, to, nothing) => {
      const query = parseDonationListQuery(TENANT, { receivedFrom: from, receivedTo: to });

      expect(matchesNothing(query.filter)).toBe(nothing);
    },
  );

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
