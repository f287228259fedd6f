// A campaign's results from the gifts attributed to it (their campaignId is the campaign's id,
// or their sourceCode its source code): responses are distinct donors of paid gifts, the
// response rate is responses per message sent, the amount raised is per currency, net of
// refunds, never summed across currencies. Pure.
import { isPaid, netMinor, type GiftFact } from './marketing-facts';

export interface Attribution {
  campaignId: string;
  messagesSent: number;
  responses: number;
  responseRate: number;
  gifts: number;
  raised: Array<{ amountMinor: number; currency: string }>;
}

export function isAttributed(
  gift: Pick<GiftFact, 'campaignId' | 'sourceCode'>,
  campaign: { id: string; sourceCode?: string },
): boolean {
  return (
    gift.campaignId === campaign.id ||
    (campaign.sourceCode !== undefined && gift.sourceCode === campaign.sourceCode)
  );
}

export function attribute(
  campaign: { id: string; sourceCode?: string },
  gifts: readonly GiftFact[],
  messagesSent: number,
): Attribution {
  const byId = new Map(gifts.map((g) => [g.id, g]));
  const paid = [...byId.values()].filter((g) => isPaid(g) && isAttributed(g, campaign));
  // An erased donor is no longer known: each of their gifts counts as its own response.
  const donors = new Set(paid.map((g) => g.donorId ?? `gift:${g.id}`));
  const raised = new Map<string, number>();
  for (const g of paid) raised.set(g.currency, (raised.get(g.currency) ?? 0) + netMinor(g));
  return {
    campaignId: campaign.id,
    messagesSent,
    responses: donors.size,
    responseRate: messagesSent > 0 ? donors.size / messagesSent : 0,
    gifts: paid.length,
    raised: [...raised.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amountMinor]) => ({ amountMinor, currency })),
  };
}
