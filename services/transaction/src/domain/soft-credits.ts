// Which soft credits a gift carries: the caller's explicit ones, plus a household-member
// credit for every living member of the donor's household (NPSP's household soft credits),
// each for the gift's full amount unless the caller credited that person already.
import { DonationError } from './donation-error';
import type { Money, SoftCredit } from './donation';
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
  const problems = explicit.flatMap((credit, i) => {
    const field = `softCredits[${i}]`;
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

/** Ids a soft credit or tribute names, for the "who is this gift about" index. */
export function softCreditedContactIds(credits: readonly SoftCredit[]): string[] {
  return [...new Set(credits.map((c) => c.contactId))];
}
