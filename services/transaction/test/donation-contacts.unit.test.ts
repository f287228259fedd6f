// The contacts a gift names are looked up at once: a request naming many contacts that no
// event named yet waits the projection's short while once, not once per contact.
import { DonationContacts } from '../src/app/donation-contacts';
import { validateDonationInput } from '../src/domain/donation-validation';
import { FakeProjection } from './support/donation-fakes';
import { JANE, T0, TENANT, giftInput } from './support/donation-givens';

/**
 * The fake projection, where an unknown id is looked for as long as the caller waits; it counts
 * how many of those waits were under way at once (one at a time would be 1).
 */
class WaitingProjection extends FakeProjection {
  readonly asked: string[] = [];
  private waiting = 0;
  mostWaitingAtOnce = 0;

  override async resolve(tenantId: string, id: string, opts: { waitForUnknownMs?: number } = {}) {
    this.asked.push(id);
    const known = await super.resolve(tenantId, id);
    if (!known) {
      this.waiting += 1;
      this.mostWaitingAtOnce = Math.max(this.mostWaitingAtOnce, this.waiting);
      await new Promise((resolve) => setTimeout(resolve, opts.waitForUnknownMs ?? 0));
      this.waiting -= 1;
    }
    return known;
  }
}

const unknown = (n: number) => `0193a1b2-0000-7000-8000-${String(900 + n).padStart(12, '0')}`;

describe('DonationContacts', () => {
  it('waits for the unknown contacts of one gift together, once each, and names each in order', async () => {
    const projection = new WaitingProjection();
    projection.person(TENANT, JANE);
    const contacts = new DonationContacts(projection, { waitForUnknownMs: 50 });
    const softCredits = Array.from({ length: 20 }, (_, i) => ({
      contactId: unknown(i),
      type: 'solicitor',
      amountMinor: 100,
    }));
    const input = validateDonationInput(
      giftInput({ softCredits, tribute: { type: 'in_honor_of', honoreeContactId: unknown(0) } }),
      T0,
    );

    const err = await contacts.forCreate(TENANT, input).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(
      (err as { fieldErrors: Array<{ field: string }> }).fieldErrors.map((e) => e.field),
    ).toEqual([
      ...softCredits.map((_, i) => `softCredits[${i}].contactId`),
      'tribute.honoreeContactId',
    ]);
    // Every unknown contact's wait under way together: the gift waits once, not 20 times.
    expect(projection.mostWaitingAtOnce).toBe(20);
    // The donor, each credited contact, and the honoree (credited too) not a second time.
    expect(projection.asked).toHaveLength(1 + 20);
  });
});
