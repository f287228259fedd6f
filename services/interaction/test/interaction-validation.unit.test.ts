import { INTERACTION_FIELD_LIMITS as LIMITS } from '@kith/contracts';
import {
  validateCreate,
  validateUpdate,
  type InteractionInput,
} from '../src/domain/interaction-validation';
import { fieldsAtFault } from './support/thrown';

const CALL: InteractionInput = {
  type: 'call',
  occurredAt: '2026-12-01T10:00:00+01:00',
  participantContactIds: ['c-1'],
};

describe('validateCreate', () => {
  it('answers the fields in UTC, participants once each, empty optional ones left out', () => {
    expect(
      validateCreate({
        ...CALL,
        participantContactIds: ['c-1', 'c-2', 'c-1'],
        subject: ' Hi ',
        body: '',
      }),
    ).toEqual({
      type: 'call',
      direction: 'outbound',
      occurredAt: '2026-12-01T09:00:00.000Z',
      participantContactIds: ['c-1', 'c-2'],
      subject: 'Hi',
    });
  });

  it.each([
    ['note', 'internal'],
    ['meeting', 'internal'],
    ['in_person', 'internal'],
    ['email', 'outbound'],
    ['letter', 'outbound'],
  ])('defaults the direction of a %s to %s', (type, direction) => {
    expect(validateCreate({ ...CALL, type }).direction).toBe(direction);
  });

  it.each<[string, InteractionInput, string[]]>([
    ['an unknown type', { type: 'fax' }, ['type']],
    ['an unknown direction', { direction: 'sideways' }, ['direction']],
    ['a time without an offset', { occurredAt: '2026-12-01T10:00:00' }, ['occurredAt']],
    ['an impossible date', { occurredAt: '2026-02-30T10:00:00Z' }, ['occurredAt']],
    ['a time written before 1900', { occurredAt: '1899-12-31T23:59:59Z' }, ['occurredAt']],
    ['a time written after 2199', { occurredAt: '2200-01-01T00:30:00+01:00' }, ['occurredAt']],
    ['no participant', { participantContactIds: [] }, ['participantContactIds']],
    ['a malformed id', { participantContactIds: ['c 1'] }, ['participantContactIds[0]']],
    [
      'too many participants',
      {
        participantContactIds: Array.from({ length: LIMITS.participants + 1 }, (_, i) => `c-${i}`),
      },
      ['participantContactIds'],
    ],
    ['a negative duration', { durationMinutes: -1 }, ['durationMinutes']],
    ['a duration past a day', { durationMinutes: LIMITS.durationMinutes + 1 }, ['durationMinutes']],
    ['a body past the limit', { body: 'x'.repeat(LIMITS.body + 1) }, ['body']],
    ['a subject with a control character', { subject: 'bell\u0007' }, ['subject']],
    ['a campaign id with a space', { campaignId: 'spring drive' }, ['campaignId']],
  ])('refuses %s, naming the field', (_what, change, fields) => {
    expect(fieldsAtFault(() => validateCreate({ ...CALL, ...change }))).toEqual(fields);
  });

  it('takes a time by the year it is written in, as the API document says', () => {
    expect(validateCreate({ ...CALL, occurredAt: '1900-01-01T00:30:00+01:00' }).occurredAt).toBe(
      '1899-12-31T23:30:00.000Z',
    );
    expect(validateCreate({ ...CALL, occurredAt: '2199-12-31T23:00:00-05:00' }).occurredAt).toBe(
      '2200-01-01T04:00:00.000Z',
    );
  });

  it('accepts a body exactly at the limit and keeps its line breaks', () => {
    const body = `line one\n${'x'.repeat(LIMITS.body - 9)}`;
    expect(validateCreate({ ...CALL, body }).body).toBe(body);
  });
});

describe('validateUpdate', () => {
  const current = validateCreate({ ...CALL, subject: 'Hi', durationMinutes: 5 });

  it('changes only the named fields and clears an optional one sent empty', () => {
    expect(
      validateUpdate(current, { subject: '', body: 'Left a message', durationMinutes: 9 }, [
        'subject',
        'body',
      ]),
    ).toEqual({
      ...current,
      subject: undefined,
      body: 'Left a message',
    });
  });

  it('refuses clearing a required field, an unknown path and an empty mask', () => {
    const fault = (input: InteractionInput, paths: string[]) =>
      fieldsAtFault(() => validateUpdate(current, input, paths));
    expect(fault({ participantContactIds: [] }, ['participantContactIds'])).toEqual([
      'participantContactIds',
    ]);
    expect(fault({}, ['loggedBy'])).toEqual(['updateMask']);
    expect(fault({}, [])).toEqual(['updateMask']);
  });
});
