import {
  createOrganizationRequest,
  createPersonRequest,
  updateOrganizationRequest,
  updatePersonRequest,
} from '../src/domain/contact-commands';
import {
  toOrganizationResource,
  toPersonResource,
  toResource,
} from '../src/modules/contact/contact.mapper';
import { formatPath, restFieldPath } from '../src/domain/field-path';
import {
  NO_CONTACTS,
  canonicalJson,
  contactInPath,
  contactsAt,
  idempotencyId,
  requestFingerprint,
} from '../src/domain/idempotency';
import { decodeCursor, encodeCursor } from '../src/domain/pagination';
import { protoContact } from './support/proto-contact';

describe('proto -> REST mapping', () => {
  it('turns empty proto strings into null and the int64 version into a number', () => {
    const person = toPersonResource(protoContact());

    expect(person.version).toBe(3);
    expect(person.name.prefix).toBeNull();
    expect(person.source).toBeNull();
    expect(person.deletedAt).toBeNull();
    expect(Object.keys(person).slice(0, 3)).toEqual(['id', 'kind', 'version']);
  });

  it('shows the household mailing address a person inherits, and null when there is none', () => {
    const address = {
      type: 'home',
      primary: true,
      line1: '1 Main St',
      line2: '',
      city: 'Springfield',
      region: '',
      postalCode: '',
      countryCode: 'US',
      valid: true,
      validFrom: '',
      validUntil: '',
    };

    const inheriting = toPersonResource(
      protoContact({ householdAddress: { householdId: 'h-1', address } as never }),
    );
    const alone = toPersonResource(protoContact());

    expect(inheriting.householdAddress).toMatchObject({
      householdId: 'h-1',
      address: { line1: '1 Main St', city: 'Springfield', countryCode: 'US', valid: true },
    });
    expect(alone.householdAddress).toBeNull();
  });

  it('maps an organization profile to top-level name, organizationType and website', () => {
    const org = toOrganizationResource(
      protoContact({
        kind: 'CONTACT_KIND_ORGANIZATION',
        fields: {
          person: null,
          organization: { name: 'Acme', organizationType: 'company', website: '' },
          emails: [],
          phones: [],
          addresses: [],
          tags: [],
          source: 'import',
          ownerId: '',
          birthDate: '',
          gender: '',
          pronouns: '',
          deceased: false,
          deceasedDate: '',
          doNotContact: false,
          customFieldsJson: '',
        },
      }),
    );

    expect(org).toMatchObject({
      kind: 'organization',
      name: 'Acme',
      organizationType: 'company',
      website: null,
      source: 'import',
      ownerId: null,
    });
  });

  it('exposes no resource for an unspecified kind', () => {
    expect(toResource(protoContact({ kind: 'CONTACT_KIND_UNSPECIFIED' }))).toBeUndefined();
  });
});

describe('REST -> proto commands', () => {
  it('fills every person name part and defaults the owner to the creator', () => {
    const req = createPersonRequest({ name: { firstName: 'Ada' } }, 'creator');

    expect(req).toEqual({
      kind: 'CONTACT_KIND_PERSON',
      fields: {
        emails: [],
        phones: [],
        addresses: [],
        doNotContact: false,
        customFieldsJson: '',
        tags: [],
        source: '',
        ownerId: 'creator',
        birthDate: '',
        gender: '',
        pronouns: '',
        deceased: false,
        deceasedDate: '',
        person: {
          prefix: '',
          firstName: 'Ada',
          middleName: '',
          lastName: '',
          suffix: '',
          preferredName: '',
        },
      },
    });
  });

  it('keeps an explicit owner on create', () => {
    const req = createOrganizationRequest({ name: 'Acme', ownerId: 'someone' }, 'creator');

    expect(req.fields?.ownerId).toBe('someone');
    expect(req.fields?.organization).toEqual({ name: 'Acme', organizationType: '', website: '' });
  });

  it('puts one mask path per key sent, clearing nulls to empty strings', () => {
    const req = updatePersonRequest('c-1', 4, {
      name: { middleName: null, preferredName: 'Ada' },
      tags: [],
      ownerId: null,
    });

    expect(req).toEqual({
      id: 'c-1',
      expectedVersion: '4',
      fields: { person: { middleName: '', preferredName: 'Ada' }, tags: [], ownerId: '' },
      updateMask: { paths: ['person.middle_name', 'person.preferred_name', 'tags', 'owner_id'] },
    });
  });

  it('leaves the organization profile out of a patch that does not touch it', () => {
    const req = updateOrganizationRequest('c-2', 1, { source: 'event' });

    expect(req.fields).toEqual({ source: 'event' });
    expect(req.updateMask).toEqual({ paths: ['source'] });
  });

  it('maps organization keys to organization.* paths', () => {
    const req = updateOrganizationRequest('c-2', 1, {
      organizationType: null,
      website: 'https://x.y',
    });

    expect(req.updateMask?.paths).toEqual([
      'organization.organization_type',
      'organization.website',
    ]);
  });
});

describe('field paths', () => {
  it.each([
    ['fields.person.first_name', 'person', 'name.firstName'],
    ['person.preferred_name', 'person', 'name.preferredName'],
    ['emails[2].address', 'person', 'emails[2].address'],
    ['fields.emails.0.address', 'organization', 'emails[0].address'],
    ['organization.organization_type', 'organization', 'organizationType'],
    ['owner_id', 'organization', 'ownerId'],
  ] as const)('names proto path %s of a %s as %s', (proto, kind, rest) => {
    expect(restFieldPath(proto, kind)).toBe(rest);
  });

  it('formats zod paths with bracketed indexes', () => {
    expect(formatPath(['phones', 0, 'number'])).toBe('phones[0].number');
  });
});

describe('cursors', () => {
  const filters = { namePrefix: 'ad', tag: 'vip' };

  it('round-trips the service page token for the same listing', () => {
    const cursor = encodeCursor('person', filters, 'token-42');

    expect(decodeCursor(cursor ?? '', 'person', { tag: 'vip', namePrefix: 'ad' })).toEqual({
      ok: true,
      pageToken: 'token-42',
    });
  });

  it('is null on the last page', () => {
    expect(encodeCursor('person', filters, '')).toBeNull();
  });

  it('refuses a cursor from another kind or other filters', () => {
    const cursor = encodeCursor('person', filters, 'token-42') ?? '';

    expect(decodeCursor(cursor, 'organization', filters)).toEqual({
      ok: false,
      reason: 'other-listing',
    });
    expect(decodeCursor(cursor, 'person', { namePrefix: 'ad' })).toEqual({
      ok: false,
      reason: 'other-listing',
    });
  });

  it.each(['garbage', Buffer.from('{"v":2}').toString('base64url'), ''])(
    'calls %j malformed',
    (cursor) => {
      expect(decodeCursor(cursor, 'person', {})).toEqual({ ok: false, reason: 'malformed' });
    },
  );
});

describe('idempotency helpers', () => {
  it('scopes the id by tenant and user and cannot be forged with colons', () => {
    expect(idempotencyId({ tenantId: 't1', userId: 'u1', key: 'k' })).toBe('t1:u1:k');
    expect(idempotencyId({ tenantId: 't1', userId: 'u1:x', key: 'k' })).not.toBe(
      idempotencyId({ tenantId: 't1', userId: 'u1', key: 'x:k' }),
    );
  });

  it('serialises objects with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}',
    );
  });

  it('fingerprints method, path and body', () => {
    const base = requestFingerprint('POST', '/v1/contacts', { a: 1 });

    expect(requestFingerprint('post', '/v1/contacts', { a: 1 })).toBe(base);
    expect(requestFingerprint('POST', '/v1/organizations', { a: 1 })).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/contacts', { a: 2 })).not.toBe(base);
  });
});

describe('the contacts a stored response names', () => {
  it('reads a contact resource by its id', () => {
    expect(contactsAt('id')({ id: 'c-1', displayName: 'Ada' }, {})).toEqual({ contactId: 'c-1' });
  });

  it('reads both sides of a relationship', () => {
    const body = { id: 'r-1', contactAId: 'c-1', contactBId: 'c-2' };

    expect(contactsAt('contactAId', 'contactBId')(body, {})).toEqual({
      contactId: 'c-1',
      otherContactId: 'c-2',
    });
  });

  it('names no contact for a body without the fields, or one that is not an object', () => {
    expect(contactsAt('id')({ id: 7 }, {})).toEqual({});
    expect(contactsAt('id')('text', {})).toEqual({});
    expect(NO_CONTACTS({ id: 'c-1' }, { id: 'c-1' })).toEqual({});
  });

  it('reads the contact of a consent from its path', () => {
    expect(contactInPath('id')({ consent: { id: 'k-1' } }, { id: 'c-1' })).toEqual({
      contactId: 'c-1',
    });
  });
});
