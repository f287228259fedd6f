import { segmentDefinitionJsonSchema } from '@kith/contracts';
import { parseSegmentDefinition } from '@kith/contracts';

const errorsOf = (json: string) => {
  const parsed = parseSegmentDefinition(json);
  return parsed.ok ? [] : parsed.errors;
};

describe('segment language validation', () => {
  it('accepts a definition combining every kind of condition', () => {
    const definition = {
      and: [
        { tag: 'donor' },
        { field: 'kind', eq: 'person' },
        { customField: 'level', in: ['gold', 'silver'] },
        { reachable: 'email' },
        { consent: 'email', status: 'opted_in' },
        { giving: 'total', currency: 'USD', within: { months: 12 }, gte: 10000 },
        { giving: 'lastGiftDate', before: '2026-01-01T00:00:00Z' },
        { or: [{ activity: 'meeting', within: { days: 90 }, gte: 1 }, { not: { tag: 'board' } }] },
      ],
    };
    expect(parseSegmentDefinition(JSON.stringify(definition))).toEqual({ ok: true, definition });
  });

  it.each([
    ['not JSON', '{"tag":', 'definition', 'is not valid JSON'],
    ['no kind', '{"colour":"red"}', 'definition', 'a condition names one of'],
    [
      'two kinds',
      '{"tag":"a","field":"kind","eq":"x"}',
      'definition',
      'a condition names one kind',
    ],
    [
      'total without currency',
      '{"and":[{"tag":"x"},{"giving":"total","gte":5}]}',
      'definition.and[1].currency',
      'required for total',
    ],
    [
      'an unknown key',
      '{"or":[{"field":"kind","eq":"person","x":1}]}',
      'definition.or[0]',
      'unknown key(s) x',
    ],
    ['a field without comparison', '{"field":"firstName"}', 'definition', 'give at least one of'],
    ['an unknown profile field', '{"field":"password","eq":"x"}', 'definition.field', ''],
    [
      'a window of two units',
      '{"activity":"call","within":{"days":1,"months":1},"gte":1}',
      'definition.within',
      'exactly one',
    ],
    ['an empty and', '{"and":[]}', 'definition.and', ''],
    [
      'lastGiftDate with a bound',
      '{"giving":"lastGiftDate","gte":3}',
      'definition',
      'before/after/within',
    ],
    ['money as a fraction', '{"giving":"total","currency":"USD","gte":1.5}', 'definition.gte', ''],
  ])('refuses %s with a field error at the place', (_name, json, field, message) => {
    const errors = errorsOf(json);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors.some((e) => e.message.includes(message))).toBe(true);
  });

  it('refuses definitions nested deeper than the limit', () => {
    let condition: unknown = { tag: 'x' };
    for (let i = 0; i < 9; i++) condition = { not: condition };
    expect(errorsOf(JSON.stringify(condition))).toEqual([
      { field: 'definition', message: 'nested at most 8 deep' },
    ]);
  });

  it('publishes a JSON Schema whose branches name every condition kind', () => {
    const schema = segmentDefinitionJsonSchema() as { anyOf: Array<{ required?: string[] }> };
    const kinds = schema.anyOf.map((branch) => branch.required?.[0]);
    expect(kinds).toEqual([
      'and',
      'or',
      'not',
      'field',
      'tag',
      'customField',
      'reachable',
      'consent',
      'giving',
      'activity',
    ]);
  });
});
