import {
  applyConsentRecord,
  reachability,
  toConsentRecord,
  type ConsentRecord,
  type ReachabilityInput,
} from '../src/domain/consent';
import type { PostalAddress } from '../src/domain/postal-address';

const NOW = '2026-03-01T12:00:00.000Z';

function record(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    channel: 'email',
    status: 'opted_in',
    source: 'web-form',
    capturedAt: '2026-02-01T00:00:00.000Z',
    recordedAt: NOW,
    ...overrides,
  };
}

describe('toConsentRecord', () => {
  it('records who, where, when and the wording, capturing now when no time is given', () => {
    const { record: made, errors } = toConsentRecord(
      { channel: ' Email ', status: 'OPTED_IN', source: ' web-form ', statement: ' Yes, news! ' },
      { now: NOW, recordedBy: 'user-1' },
    );

    expect(errors).toEqual([]);
    expect(made).toEqual({
      channel: 'email',
      status: 'opted_in',
      source: 'web-form',
      capturedAt: NOW,
      statement: 'Yes, news!',
      recordedAt: NOW,
      recordedBy: 'user-1',
    });
  });

  it('normalizes a capture time with an offset to UTC', () => {
    const { record: made } = toConsentRecord(
      {
        channel: 'sms',
        status: 'opted_out',
        source: 'reply-stop',
        capturedAt: '2026-02-01T10:00:00+02:00',
      },
      { now: NOW },
    );

    expect(made?.capturedAt).toBe('2026-02-01T08:00:00.000Z');
  });

  it('lists every problem: channel, status, missing source, future or zoneless capture time', () => {
    const { record: made, errors } = toConsentRecord(
      { channel: 'fax', status: 'maybe', capturedAt: '2027-01-01T00:00:00Z' },
      { now: NOW },
    );
    const zoneless = toConsentRecord(
      { channel: 'email', status: 'opted_in', source: 'x', capturedAt: '2026-01-01T00:00:00' },
      { now: NOW },
    );

    expect(made).toBeUndefined();
    expect(errors.map((e) => e.field)).toEqual(['channel', 'status', 'source', 'capturedAt']);
    expect(zoneless.errors.map((e) => e.field)).toEqual(['capturedAt']);
  });
});

describe('applyConsentRecord', () => {
  it('makes the newest capture current for its channel and leaves other channels alone', () => {
    const sms = record({ channel: 'sms' });
    const optOut = record({ status: 'opted_out', capturedAt: '2026-02-10T00:00:00.000Z' });

    const next = applyConsentRecord({ email: record(), sms }, optOut);

    expect(next).toEqual({ email: optOut, sms });
  });

  it('does not let an older capture (e.g. a late import) override a newer opt-out', () => {
    const optOut = record({ status: 'opted_out', capturedAt: '2026-02-10T00:00:00.000Z' });
    const oldOptIn = record({ capturedAt: '2025-06-01T00:00:00.000Z', source: 'import' });

    expect(applyConsentRecord({ email: optOut }, oldOptIn)).toEqual({ email: optOut });
  });
});

describe('reachability', () => {
  const TODAY = '2026-03-01';
  const reachable: ReachabilityInput = {
    deceased: false,
    doNotContact: false,
    emails: [{ valid: true }],
    phones: [{ valid: true, type: 'mobile' }],
    addresses: [{ type: 'home', primary: true, line1: 'x', countryCode: 'US', valid: true }],
    communication: {},
  };

  it('leaves every channel open, status unknown, when nothing suppresses it', () => {
    const result = reachability(reachable, TODAY);

    expect(result.email).toEqual({ status: 'unknown', suppressed: false, reasons: [] });
    expect(Object.values(result).every((r) => !r.suppressed)).toBe(true);
  });

  it('suppresses every channel for do-not-contact, deceased or deleted, naming each reason', () => {
    const result = reachability(
      { ...reachable, doNotContact: true, deceased: true, deletedAt: NOW },
      TODAY,
    );

    expect(result.mail.reasons).toEqual(['deleted', 'deceased', 'do-not-contact']);
    expect(Object.values(result).every((r) => r.suppressed)).toBe(true);
  });

  it('suppresses only the channel the person opted out of', () => {
    const result = reachability(
      { ...reachable, communication: { email: record({ status: 'opted_out' }) } },
      TODAY,
    );

    expect(result.email).toEqual({ status: 'opted_out', suppressed: true, reasons: ['opted-out'] });
    expect(result.sms.suppressed).toBe(false);
  });

  it('needs a valid mobile for sms, any valid phone for calls, a usable address for mail', () => {
    const result = reachability(
      {
        ...reachable,
        emails: [{ valid: false }],
        phones: [{ valid: true, type: 'home' }],
        addresses: [
          {
            type: 'home',
            primary: true,
            line1: 'x',
            countryCode: 'US',
            valid: true,
            validFrom: '2026-06-01',
            validTo: '2026-08-31',
          },
        ],
      },
      TODAY,
    );

    expect(result.email.reasons).toEqual(['no-valid-address']);
    expect(result.sms.reasons).toEqual(['no-valid-address']);
    expect(result.phone.suppressed).toBe(false);
    expect(result.mail.reasons).toEqual(['no-valid-address']);
  });

  describe('mail through an inherited household address', () => {
    const householdHome: PostalAddress = {
      type: 'home',
      primary: true,
      line1: '1 Main St',
      countryCode: 'US',
      valid: true,
    };
    const noAddressOfTheirOwn: ReachabilityInput = { ...reachable, addresses: [] };

    it('opens mail for a person without an address who inherits a valid household address', () => {
      const given = { ...noAddressOfTheirOwn, householdAddress: { address: householdHome } };

      const result = reachability(given, TODAY);

      expect(result.mail).toEqual({ status: 'unknown', suppressed: false, reasons: [] });
    });

    it('suppresses mail with no-valid-address when the inherited address is marked invalid', () => {
      const given = {
        ...noAddressOfTheirOwn,
        householdAddress: { address: { ...householdHome, valid: false } },
      };

      const result = reachability(given, TODAY);

      expect(result.mail).toEqual({
        status: 'unknown',
        suppressed: true,
        reasons: ['no-valid-address'],
      });
    });

    it('suppresses mail when the inherited address is seasonal and out of its period today', () => {
      const given = {
        ...noAddressOfTheirOwn,
        householdAddress: {
          address: { ...householdHome, validFrom: '2026-06-01', validTo: '2026-08-31' },
        },
      };

      const result = reachability(given, TODAY);

      expect(result.mail.reasons).toEqual(['no-valid-address']);
    });

    it('keeps mail open on the person’s own valid address when the household’s is invalid', () => {
      const given = {
        ...reachable,
        householdAddress: { address: { ...householdHome, valid: false } },
      };

      const result = reachability(given, TODAY);

      expect(result.mail.suppressed).toBe(false);
    });

    it('still suppresses inherited mail for an opt-out or do-not-contact', () => {
      const given = {
        ...noAddressOfTheirOwn,
        doNotContact: true,
        communication: { mail: record({ channel: 'mail', status: 'opted_out' }) },
        householdAddress: { address: householdHome },
      };

      const result = reachability(given, TODAY);

      expect(result.mail).toEqual({
        status: 'opted_out',
        suppressed: true,
        reasons: ['do-not-contact', 'opted-out'],
      });
    });

    it('gives no other channel an address: email, sms and phone ignore the household', () => {
      const given = {
        ...noAddressOfTheirOwn,
        emails: [],
        phones: [],
        householdAddress: { address: householdHome },
      };

      const result = reachability(given, TODAY);

      expect(result.email.reasons).toEqual(['no-valid-address']);
      expect(result.sms.reasons).toEqual(['no-valid-address']);
      expect(result.phone.reasons).toEqual(['no-valid-address']);
      expect(result.mail.suppressed).toBe(false);
    });
  });
});
