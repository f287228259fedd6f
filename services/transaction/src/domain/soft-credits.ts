// Which soft credits a gift carries: the caller's explicit ones, plus a household-member
// credit for every living member of the donor's household (NPSP's household soft credits),
// each for the gift's full amount unless the caller credited that person already.
import { DonationError } from './donation-error';
import type { Donation, Money, SoftCredit } from './donation';
import type { CleanSoftCredit } from './donation-validation';

export interface DonorHousehold {
  /** Current members other than the donor, with whether each is alive. */
  members: Array<{ contactId: string; deceased: boolean }>;
}

export function decideSoftCredits(args: {
  donorId: string;
  amount: Money;
  explicit: CleanSoftCredit[];
  household: DonorHousehold | undefined;
}): SoftCredit[] {
  const { donorId, amount, explicit } = args;
  const seen = new Set<string>();
  const problems = explicit.flatMap((credit, i) => {
    const field = `softCredits[${i}]`;
    // Two ids that are one person since a merge (the caller's ids are resolved first).
    if (seen.has(credit.contactId)) {
      return [{ field: `${field}.contactId`, message: 'is soft-credited twice on this gift' }];
    }
    seen.add(credit.contactId);
    if (credit.contactId === donorId) {
      return [{ field: `${field}.contactId`, message: 'is the donor, who has the hard credit' }];
    }
    if (credit.amountMinor > amount.amountMinor) {
      return [{ field: `${field}.amountMinor`, message: "must be at most the gift's amount" }];
    }
    return [];
  });
  if (problems.length > 0) throw DonationError.validation(problems);
  const credits: SoftCredit[] = explicit.map((c) => ({ ...c, automatic: false }));
  const credited = new Set(credits.map((c) => c.contactId));
  for (const member of args.household?.members ?? []) {
    if (member.deceased || member.contactId === donorId || credited.has(member.contactId)) continue;
    credits.push({
      contactId: member.contactId,
      type: 'household_member',
      amountMinor: amount.amountMinor,
      automatic: true,
    });
    credited.add(member.contactId);
  }
  return credits;
}

/**
 * Whom a gift credits or honours besides its donor: every soft-credited contact and the
 * tribute's honoree. Stored on the gift as one top-level array, so "gifts crediting this
 * contact" is one equality (the filter FerretDB pushes down) on one index.
 */
export function creditedContactIds(donation: Pick<Donation, 'softCredits' | 'tribute'>): string[] {
  const ids = donation.softCredits.map((c) => c.contactId);
  if (donation.tribute?.honoreeContactId) ids.push(donation.tribute.honoreeContactId);
  return [...new Set(ids)];
}
