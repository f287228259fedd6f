import { emailExclusion } from '../src/domain/recipient-eligibility';
import { aProfile, withEmail } from './support/marketing-givens';

describe('who may get campaign email now', () => {
  it.each([
    ['a reachable person', aProfile(), false, undefined],
    ['nobody known', undefined, false, 'erased'],
    ['an erased person', aProfile({ status: 'erased' }), false, 'erased'],
    ['a deleted contact', aProfile({ status: 'deleted' }), false, 'deleted'],
    ['a merge victim', aProfile({ status: 'merged' }), false, 'merged'],
    [
      'a deceased person who also opted out',
      withEmail(aProfile({ deceased: true }), { consent: 'opted_out' }),
      false,
      'deceased',
    ],
    ['do not contact', aProfile({ doNotContact: true }), false, 'do-not-contact'],
    [
      'opted out',
      withEmail(aProfile(), { consent: 'opted_out', suppressed: true, reasons: ['opted-out'] }),
      false,
      'opted-out',
    ],
    ['no address', aProfile({ email: undefined as unknown as string }), false, 'no-email'],
    [
      'no valid address',
      withEmail(aProfile(), { suppressed: true, reasons: ['no-valid-address'] }),
      false,
      'no-email',
    ],
    ['an address on the suppression list', aProfile(), true, 'suppressed'],
    [
      'suppressed for a reason of its own',
      withEmail(aProfile(), { suppressed: true, reasons: ['other'] }),
      false,
      'suppressed',
    ],
    ['consent unknown', withEmail(aProfile(), { consent: 'unknown' }), false, undefined],
  ])('%s', (_name, profile, suppressed, reason) => {
    if (profile && profile.email === undefined) delete profile.email;
    expect(emailExclusion(profile, suppressed)).toBe(reason);
  });
});
