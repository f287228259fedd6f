// The transaction section of a subject access export: the person's own gifts in full, the
// credits and tributes naming them without the other donor's identity, nothing when none.
import { donationExporter } from '../src/app/donation-export';
import { FakeDonations } from './support/donation-fakes';
import { AMY, JANE, JOHN, TENANT, givenGift } from './support/donation-givens';

it('gathers the gifts a person gave, the gifts crediting them and those in their honour', async () => {
  const donations = new FakeDonations();
  const own = givenGift({ externalReference: 'ch_1' });
  const crediting = {
    ...givenGift({}, { id: JOHN, kind: 'person' }),
    id: 'gift-2',
    softCredits: [
      { contactId: JANE, type: 'solicitor' as const, amountMinor: 100, automatic: false },
    ],
  };
  const honouring = {
    ...givenGift({}, { id: AMY, kind: 'person' }),
    id: 'gift-3',
    tribute: { type: 'in_honor_of' as const, honoreeName: 'Jane D.', honoreeContactId: JANE },
  };
  for (const gift of [own, crediting, honouring]) donations.rows.set(gift.id, gift);

  const sections = await donationExporter(donations)(TENANT, JANE);
  const byName = Object.fromEntries(sections.map((s) => [s.name, JSON.parse(s.json) as unknown]));

  expect(Object.keys(byName)).toEqual(['donations', 'softCredits', 'tributes']);
  expect(byName.donations).toEqual([
    expect.objectContaining({ id: own.id, externalReference: 'ch_1', netMinor: 15000 }),
  ]);
  expect(byName.softCredits).toEqual([
    expect.objectContaining({
      donationId: 'gift-2',
      amount: { amountMinor: 100, currency: 'USD' },
    }),
  ]);
  expect(byName.tributes).toEqual([
    {
      donationId: 'gift-3',
      type: 'in_honor_of',
      honoreeName: 'Jane D.',
      receivedAt: honouring.receivedAt,
    },
  ]);
  expect(JSON.stringify(byName.softCredits)).not.toContain(JOHN);
  expect(JSON.stringify(byName.tributes)).not.toContain(AMY);
  expect(await donationExporter(donations)('tenant-2', JANE)).toEqual([]);
});
