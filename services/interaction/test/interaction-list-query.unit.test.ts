import {
  matchesNothing,
  nextPageToken,
  parseListQuery,
} from '../src/domain/interaction-list-query';
import { fieldsAtFault } from './support/thrown';

const fields = fieldsAtFault;

describe('parseListQuery', () => {
  it('answers the filters in UTC and the default page size', () => {
    expect(
      parseListQuery('interactions', {
        tenantId: 't-1',
        contactId: 'c-1',
        type: 'call',
        occurredFrom: '2026-12-01T01:00:00+01:00',
      }),
    ).toEqual({
      tenantId: 't-1',
      contactId: 'c-1',
      type: 'call',
      from: '2026-12-01T00:00:00.000Z',
      pageSize: 50,
    });
  });

  it('resumes after the position of a token issued for the same filters only', () => {
    const query = parseListQuery('interactions', { tenantId: 't-1', contactId: 'c-1' });
    const token = nextPageToken('interactions', query, {
      occurredAt: '2026-12-01T00:00:00.000Z',
      id: 'i-9',
    });

    expect(
      parseListQuery('interactions', { tenantId: 't-1', contactId: 'c-1', pageToken: token }).after,
    ).toEqual({
      occurredAt: '2026-12-01T00:00:00.000Z',
      id: 'i-9',
    });
    expect(
      fields(() => parseListQuery('interactions', { tenantId: 't-1', pageToken: token })),
    ).toEqual(['pageToken']);
    expect(
      fields(() =>
        parseListQuery('interactions', { tenantId: 't-2', contactId: 'c-1', pageToken: token }),
      ),
    ).toEqual(['pageToken']);
    expect(
      fields(() =>
        parseListQuery('timeline', { tenantId: 't-1', contactId: 'c-1', pageToken: token }),
      ),
    ).toEqual(['pageToken']);
  });

  it('names every parameter at fault', () => {
    expect(
      fields(() =>
        parseListQuery('timeline', {
          tenantId: 't-1',
          type: 'fax',
          occurredFrom: '2026-12-02T00:00:00Z',
          occurredTo: '2026-12-01',
          pageSize: 500,
        }),
      ),
    ).toEqual(['contactId', 'type', 'occurredTo', 'pageSize']);
  });

  it.each([
    ['backwards', '2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z', true],
    ['empty', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00+01:00', true],
    ['one millisecond long', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00.001Z', false],
  ])(
    'takes a %s range, which matches nothing unless it holds an instant',
    (_what, from, to, nothing) => {
      const query = parseListQuery('interactions', {
        tenantId: 't-1',
        occurredFrom: from,
        occurredTo: to,
      });

      expect(matchesNothing(query)).toBe(nothing);
    },
  );

  it("takes a timeline's kinds in the vocabulary's order, and all of them as none", () => {
    const base = { tenantId: 't-1', contactId: 'c-1' };

    expect(parseListQuery('timeline', { ...base, kinds: ['refund', 'gift'] }).kinds).toEqual([
      'gift',
      'refund',
    ]);
    expect(
      parseListQuery('timeline', {
        ...base,
        kinds: ['interaction', 'gift', 'soft_credit', 'refund', 'campaign_message'],
      }),
    ).not.toHaveProperty('kinds');
    expect(fields(() => parseListQuery('timeline', { ...base, kinds: ['pledge'] }))).toEqual([
      'kinds',
    ]);
    expect(
      fields(() => parseListQuery('timeline', { ...base, kinds: ['gift'], type: 'call' })),
    ).toEqual(['type']);
  });

  it('binds a timeline token to its kinds, and keeps tokens issued without kinds valid', () => {
    const position = { occurredAt: '2026-12-01T00:00:00.000Z', id: 'gift_d-1' };
    const base = { tenantId: 't-1', contactId: 'c-1' };
    const gifts = nextPageToken(
      'timeline',
      parseListQuery('timeline', { ...base, kinds: ['gift'] }),
      position,
    );
    const plain = nextPageToken('timeline', parseListQuery('timeline', base), position);

    expect(
      parseListQuery('timeline', { ...base, kinds: ['gift'], pageToken: gifts }).after,
    ).toEqual(position);
    expect(fields(() => parseListQuery('timeline', { ...base, pageToken: gifts }))).toEqual([
      'pageToken',
    ]);
    expect(parseListQuery('timeline', { ...base, kinds: [], pageToken: plain }).after).toEqual(
      position,
    );
  });
});
