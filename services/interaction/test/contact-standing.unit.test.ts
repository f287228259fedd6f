import { withStandings, type ContactStanding } from '../src/domain/contact-standing';
import { InteractionErrorCode } from '../src/domain/interaction-error';
import { thrown } from './support/thrown';

const live = (id: string, kind: 'person' | 'organization' = 'person'): ContactStanding => ({
  state: 'live',
  kind,
  id,
});

const refusal = thrown;

describe('withStandings', () => {
  it('names survivors for merge victims, each contact once', () => {
    const standings = new Map([
      ['c-victim', live('c-survivor')],
      ['c-survivor', live('c-survivor')],
      ['c-org', live('c-org', 'organization')],
    ]);

    expect(
      withStandings(
        { participantContactIds: ['c-victim', 'c-survivor'], organizationId: 'c-org' },
        standings,
      ),
    ).toEqual({ participantContactIds: ['c-survivor'], organizationId: 'c-org' });
  });

  it('refuses unknown, deleted and erased contacts and a person as organization, naming each field', () => {
    const standings = new Map<string, ContactStanding>([
      ['c-gone', { state: 'deleted' }],
      ['c-erased', { state: 'erased' }],
      ['c-ada', live('c-ada')],
    ]);

    const err = refusal(() =>
      withStandings(
        { participantContactIds: ['c-gone', 'c-new', 'c-erased'], organizationId: 'c-ada' },
        standings,
      ),
    );

    expect(err.code).toBe(InteractionErrorCode.FAILED_PRECONDITION);
    expect(err.fieldErrors.map((e) => e.field)).toEqual([
      'participantContactIds[0]',
      'participantContactIds[1]',
      'participantContactIds[2]',
      'organizationId',
    ]);
  });

  it('keeps contacts an update does not change, whatever they became', () => {
    const standings = new Map<string, ContactStanding>([['c-gone', { state: 'deleted' }]]);

    expect(
      withStandings({ participantContactIds: ['c-gone'] }, standings, new Set(['c-gone'])),
    ).toEqual({
      participantContactIds: ['c-gone'],
    });
  });
});
