import { ContactErrorCode } from '../src/domain/contact-error';
import { aContact, anInheritedAddress } from './support/contact-fixture';
import { decideCreate } from '../src/domain/contact-decisions';
import {
  contactToProto,
  fieldsFromProto,
  kindFromProto,
  requiredKindFromProto,
  versionFromProto,
} from '../src/grpc/contact-proto.mapper';

describe('contact proto mapping', () => {
  it('reads an unspecified kind as every kind for lists', () => {
    expect(kindFromProto('CONTACT_KIND_UNSPECIFIED')).toBeUndefined();
    expect(kindFromProto('CONTACT_KIND_ORGANIZATION')).toBe('organization');
  });

  it('refuses an unspecified kind on create with a field error', () => {
    expect(() => requiredKindFromProto('CONTACT_KIND_UNSPECIFIED')).toThrow(
      expect.objectContaining({
        code: ContactErrorCode.VALIDATION_FAILED,
        fieldErrors: [expect.objectContaining({ field: 'kind' })],
      }),
    );
  });

  it('reads absent sub-messages as absent', () => {
    const input = fieldsFromProto({
      person: null,
      organization: { name: 'Acme', organizationType: '', website: '' },
      emails: [],
      phones: [],
      addresses: [],
      tags: ['x'],
      source: '',
      ownerId: '',
      birthDate: '',
      gender: '',
      pronouns: '',
      deceased: false,
      deceasedDate: '',
      doNotContact: false,
      customFieldsJson: '',
    });

    expect(input.person).toBeUndefined();
    expect(input.organization).toEqual({ name: 'Acme', organizationType: '', website: '' });
    expect(input.tags).toEqual(['x']);
  });

  it('reads an int64 version sent as a string and treats an empty one as 0', () => {
    expect(versionFromProto('42')).toBe(42);
    expect(versionFromProto('')).toBe(0);
  });

  it('writes a contact with proto defaults for what is not set', () => {
    const { contact } = decideCreate(
      { tenantId: 't', kind: 'organization', fields: { organization: { name: 'Acme' } } },
      { id: '01900000-0000-7000-8000-000000000001', now: '2026-01-01T00:00:00.000Z' },
    );

    const proto = contactToProto(contact);

    expect(proto).toMatchObject({
      kind: 'CONTACT_KIND_ORGANIZATION',
      version: '1',
      displayName: 'Acme',
      deletedAt: '',
      fields: { person: null, organization: { name: 'Acme' }, source: '', ownerId: '' },
      householdAddress: null,
    });
  });

  it('writes the household mailing address a person inherits, and opens mail with it', () => {
    const contact = aContact({
      id: 'c-1',
      tenantId: 't',
      person: { firstName: 'Jane', lastName: 'Smith' },
      householdAddress: anInheritedAddress(),
    });

    const proto = contactToProto(contact, '2026-01-01');

    expect(proto.householdAddress).toMatchObject({
      householdId: 'h-1',
      address: { line1: '1 Main St', countryCode: 'US', valid: true },
    });
    expect(proto.reachability).toContainEqual(
      expect.objectContaining({ channel: 'mail', suppressed: false }),
    );
  });
});
