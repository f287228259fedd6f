import { MAX_CUSTOM_FIELD_FILTERS, customFieldFilter } from '../src/domain/custom-field-filter';
import { ALL } from './support/custom-field-fixtures';

describe('customFieldFilter: query parameters become filters on customFields.<key>', () => {
  it.each([
    ['a select equality', { 'cf.level': 'gold' }, { 'customFields.level': 'gold' }],
    [
      'an inactive option (stored values still name it)',
      { 'cf.level': 'bronze' },
      { 'customFields.level': 'bronze' },
    ],
    [
      'a number lower bound as a number',
      { 'cf.score.gte': '10' },
      { 'customFields.score': { $gte: 10 } },
    ],
    [
      'a number range on one key',
      { 'cf.score.gt': '1', 'cf.score.lte': '9' },
      { 'customFields.score': { $gt: 1, $lte: 9 } },
    ],
    [
      'a date upper bound',
      { 'cf.joined.lt': '2026-01-01' },
      { 'customFields.joined': { $lt: '2026-01-01' } },
    ],
    ['a boolean', { 'cf.vip': 'true' }, { 'customFields.vip': true }],
    [
      'a multi-select "contains"',
      { 'cf.interests': 'music' },
      { 'customFields.interests': 'music' },
    ],
    ['an explicit eq', { 'cf.nickname.eq': 'Ada' }, { 'customFields.nickname': 'Ada' }],
    [
      'an exists test',
      { 'cf.nickname.exists': 'false' },
      { 'customFields.nickname': { $exists: false } },
    ],
    [
      'an archived field (its values are kept)',
      { 'cf.legacy': 'x' },
      { 'customFields.legacy': 'x' },
    ],
    ['parameters outside cf. ignored', { tag: 'donor', limit: '10' }, {}],
  ])('builds %s', (_name, query, expected) => {
    const result = customFieldFilter(ALL, query);

    expect(result.errors).toEqual([]);
    expect(result.filter).toEqual(expected);
  });

  it.each([
    ['an unknown key', { 'cf.shoe': '42' }, 'cf.shoe', 'is not a custom field of this record type'],
    [
      'a range on text',
      { 'cf.nickname.gt': 'a' },
      'cf.nickname.gt',
      'text fields filter with: eq, exists',
    ],
    [
      'an unknown operator',
      { 'cf.score.between': '1' },
      'cf.score.between',
      'number fields filter with: eq, exists, gt, gte, lt, lte',
    ],
    [
      'a deeper path',
      { 'cf.score.gte.x': '1' },
      'cf.score.gte.x',
      'number fields filter with: eq, exists, gt, gte, lt, lte',
    ],
    [
      'a number that is not one',
      { 'cf.score.gte': 'ten' },
      'cf.score.gte',
      'is not a valid number value',
    ],
    [
      'an impossible date',
      { 'cf.joined.lt': '2026-13-01' },
      'cf.joined.lt',
      'is not a valid date value',
    ],
    ['a boolean that is not one', { 'cf.vip': 'yes' }, 'cf.vip', 'is not a valid boolean value'],
    [
      'a value that is not an option',
      { 'cf.level': 'platinum' },
      'cf.level',
      'is not a valid single_select value',
    ],
    [
      'an exists test that is not a boolean',
      { 'cf.vip.exists': '1' },
      'cf.vip.exists',
      'is not a valid boolean value',
    ],
  ])('refuses %s', (_name, query, field, message) => {
    const result = customFieldFilter(ALL, query);

    expect(result.errors).toEqual([{ field, message }]);
    expect(result.filter).toEqual({});
  });

  it('refuses more filters than one list may ask for', () => {
    const query = Object.fromEntries(
      Array.from({ length: MAX_CUSTOM_FIELD_FILTERS + 1 }, (_, i) => [`cf.k${i}`, 'x']),
    );

    const result = customFieldFilter(ALL, query);

    expect(result.errors.map((e) => e.field)).toEqual(['cf']);
  });
});
