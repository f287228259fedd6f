// The transaction service's part of a subject access export (docs/privacy.md), registered
// through @kith/contact-lifecycle's personalDataService: the gifts the person gave (in full:
// their own tribute text, refund reasons and payment references), the gifts that soft-credit
// them, and the gifts given in their honour or memory (what the donor wrote about them, not
// who the donor is: that is another person's data). Nothing held: no sections.
import type { PersonalDataExporter, PersonalDataSection } from '@kith/contact-lifecycle';
import { netAmountMinor } from '../domain/donation';
import type { DonationRepository } from '../store/donation.repository';

export function donationExporter(
  donations: Pick<DonationRepository, 'findNaming'>,
): PersonalDataExporter {
  return async (tenantId, contactId) => {
    const gifts = await donations.findNaming(tenantId, contactId);
    const given = gifts
      .filter((g) => g.donorId === contactId)
      .map(({ tenantId: _tenant, version: _version, ...gift }) => ({
        ...gift,
        netMinor: netAmountMinor(gift),
      }));
    const credited = gifts.flatMap((g) =>
      g.softCredits
        .filter((c) => c.contactId === contactId)
        .map((c) => ({
          donationId: g.id,
          type: c.type,
          amount: { amountMinor: c.amountMinor, currency: g.amount.currency },
          receivedAt: g.receivedAt,
          status: g.status,
        })),
    );
    const honoured = gifts
      .filter((g) => g.donorId !== contactId && g.tribute?.honoreeContactId === contactId)
      .map((g) => ({
        donationId: g.id,
        type: g.tribute?.type,
        honoreeName: g.tribute?.honoreeName ?? null,
        receivedAt: g.receivedAt,
      }));
    const sections: PersonalDataSection[] = [];
    if (given.length > 0) sections.push({ name: 'donations', json: JSON.stringify(given) });
    if (credited.length > 0) sections.push({ name: 'softCredits', json: JSON.stringify(credited) });
    if (honoured.length > 0) sections.push({ name: 'tributes', json: JSON.stringify(honoured) });
    return sections;
  };
}
