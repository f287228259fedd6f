import type { MatchableContact } from '../src/domain/contact-matching';
import { DEFAULT_MATCHING_RULES } from '../src/domain/contact-matching';
import { isAfterPosition, pairPosition, scanForDuplicates } from '../src/domain/duplicate-scan';

type Row = MatchableContact & { id: string };

function row(id: string, overrides: Partial<Row> = {}): Row {
  return { id, kind: 'person', emails: [], phones: [], addresses: [], ...overrides };
}

const email = (address: string) => [{ address }];
const phone = (number: string) => [{ number }];

describe('tenant-wide duplicate scan', () => {
  it('pairs contacts that share a key and score at least the threshold', () => {
    const contacts = [
      row('c-3', { emails: email('a@x.org') }),
      row('c-1', { emails: email('a@x.org') }),
      row('c-2', { emails: email('b@x.org') }),
    ];

    const { pairs } = scanForDuplicates(contacts, DEFAULT_MATCHING_RULES);

    expect(pairs.map((p) => [p.a.id, p.b.id, p.score])).toEqual([['c-1', 'c-3', 10]]);
  });

  it('leaves out pairs below the threshold', () => {
    const contacts = [
      row('c-1', { phones: phone('5550102030') }),
      row('c-2', { phones: phone('5550102030') }),
    ];

    expect(scanForDuplicates(contacts, DEFAULT_MATCHING_RULES).pairs).toEqual([]);
  });

  it('reports each pair once even when it shares several keys, best pairs first', () => {
    const both = { emails: email('a@x.org'), phones: phone('5550102030') };
    const contacts = [row('c-1', both), row('c-2', both), row('c-3', { emails: email('a@x.org') })];

    const { pairs } = scanForDuplicates(contacts, DEFAULT_MATCHING_RULES);

    expect(pairs.map((p) => [p.a.id, p.b.id, p.score])).toEqual([
      ['c-1', 'c-2', 16],
      ['c-1', 'c-3', 10],
      ['c-2', 'c-3', 10],
    ]);
  });

  it('skips a key shared by more contacts than the bucket limit', () => {
    const contacts = [1, 2, 3].map((n) => row(`c-${n}`, { emails: email('info@x.org') }));

    const result = scanForDuplicates(contacts, DEFAULT_MATCHING_RULES, 2);

    expect(result).toEqual({ pairs: [], skippedKeys: ['person/same-email:info@x.org'] });
  });

  it('never pairs a person with an organization', () => {
    const contacts = [
      row('c-1', { emails: email('a@x.org') }),
      row('c-2', { kind: 'organization', emails: email('a@x.org') }),
    ];

    expect(scanForDuplicates(contacts, DEFAULT_MATCHING_RULES).pairs).toEqual([]);
  });

  it('pages by position: the pairs after the last one seen', () => {
    const first = { score: 16, a: { id: 'c-1' }, b: { id: 'c-2' } };
    const second = { score: 10, a: { id: 'c-1' }, b: { id: 'c-3' } };

    expect([
      isAfterPosition(second, pairPosition(first)),
      isAfterPosition(first, pairPosition(first)),
    ]).toEqual([true, false]);
  });
});
