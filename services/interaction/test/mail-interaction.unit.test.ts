import { INTERACTION_FIELD_LIMITS as LIMITS } from '@kith/contracts';
import { InteractionErrorCode } from '../src/domain/interaction-error';
import {
  decideMailInteraction,
  unmatchedOf,
  type ParsedMessage,
} from '../src/domain/mail-interaction';
import { thrown } from './support/thrown';

const NOW = '2026-12-04T12:00:00.000Z';
const message = (extra: Partial<ParsedMessage> = {}): ParsedMessage => ({
  messageId: '<m-1@x>',
  date: '2026-12-01T09:00:00.000Z',
  subject: 'Thanks',
  text: 'Hello\n',
  from: [{ address: 'Ada@Example.org', name: 'Ada' }],
  to: [{ address: 'office@charity.example' }],
  cc: [{ address: 'bob@example.org' }],
  ...extra,
});
const matches = new Map([
  ['ada@example.org', ['c-ada']],
  ['bob@example.org', ['c-bob', 'c-bob-2']],
]);

const refusal = thrown;

describe('decideMailInteraction', () => {
  it('takes every known contact, inbound when one of them sent it, and reports the rest', () => {
    const decided = decideMailInteraction(message(), matches, NOW);

    expect(decided.fields).toEqual({
      type: 'email',
      direction: 'inbound',
      occurredAt: '2026-12-01T09:00:00.000Z',
      participantContactIds: ['c-ada', 'c-bob', 'c-bob-2'],
      subject: 'Thanks',
      body: 'Hello',
    });
    expect(decided.unmatched).toEqual(['office@charity.example']);
    expect(decided.mail.from).toEqual([
      { address: 'ada@example.org', name: 'Ada', contactId: 'c-ada' },
    ]);
    expect(unmatchedOf(decided.mail)).toEqual(['office@charity.example']);
  });

  it('is outbound when no known contact sent it, and dated now without a Date', () => {
    const decided = decideMailInteraction(
      message({
        from: [{ address: 'office@charity.example' }],
        to: [{ address: 'ada@example.org' }],
        date: undefined,
      }),
      matches,
      NOW,
    );

    expect(decided.fields).toMatchObject({ direction: 'outbound', occurredAt: NOW });
  });

  it('cuts a long body to the limit and says so, and drops control characters', () => {
    const decided = decideMailInteraction(
      message({ text: `a\u0000b${'x'.repeat(LIMITS.body)}` }),
      matches,
      NOW,
    );

    expect(decided.fields.body).toHaveLength(LIMITS.body);
    expect(decided.fields.body?.startsWith('abx')).toBe(true);
    expect(decided.bodyTruncated).toBe(true);
  });

  it('refuses a message no known contact took part in, naming its addresses', () => {
    const err = refusal(() => decideMailInteraction(message(), new Map(), NOW));

    expect(err.code).toBe(InteractionErrorCode.FAILED_PRECONDITION);
    expect(err.message).toContain('office@charity.example');
  });

  it('refuses a message with no address and one with too many', () => {
    const many = Array.from({ length: LIMITS.mailAddresses + 1 }, (_, i) => ({
      address: `p${i}@x.example`,
    }));

    expect(
      refusal(() => decideMailInteraction(message({ from: [], to: [], cc: [] }), matches, NOW))
        .code,
    ).toBe(InteractionErrorCode.VALIDATION_FAILED);
    expect(refusal(() => decideMailInteraction(message({ to: many }), matches, NOW)).code).toBe(
      InteractionErrorCode.VALIDATION_FAILED,
    );
  });
});
