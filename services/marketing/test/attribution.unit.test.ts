import { attribute } from '../src/domain/attribution';
import { aGift } from './support/marketing-givens';

describe('campaign attribution', () => {
  const campaign = { id: 'cmp-1', sourceCode: 'SPRING26' };

  it('rolls up paid gifts by campaign id or source code: distinct donors, net per currency', () => {
    const gifts = [
      aGift({
        id: 'g1',
        donorId: 'a',
        campaignId: 'cmp-1',
        amountMinor: 5000,
        refundedMinor: 1000,
      }),
      aGift({ id: 'g2', donorId: 'a', sourceCode: 'SPRING26', amountMinor: 2000 }),
      aGift({ id: 'g3', donorId: 'b', campaignId: 'cmp-1', amountMinor: 700, currency: 'EUR' }),
      aGift({ id: 'g4', donorId: 'c', campaignId: 'cmp-1', status: 'pending' }),
      aGift({ id: 'g5', donorId: 'd', campaignId: 'other' }),
    ];
    expect(attribute(campaign, gifts, 10)).toEqual({
      campaignId: 'cmp-1',
      messagesSent: 10,
      responses: 2,
      responseRate: 0.2,
      gifts: 3,
      raised: [
        { amountMinor: 700, currency: 'EUR' },
        { amountMinor: 6000, currency: 'USD' },
      ],
    });
  });

  it('counts a gift carrying both the id and the code once, and an erased donor per gift', () => {
    const gifts = [
      aGift({
        id: 'g1',
        campaignId: 'cmp-1',
        sourceCode: 'SPRING26',
        donorId: undefined as unknown as string,
      }),
      aGift({
        id: 'g1',
        campaignId: 'cmp-1',
        sourceCode: 'SPRING26',
        donorId: undefined as unknown as string,
      }),
      aGift({ id: 'g2', campaignId: 'cmp-1', donorId: undefined as unknown as string }),
    ];
    const result = attribute(campaign, gifts, 0);
    expect(result).toMatchObject({ responses: 2, gifts: 2, responseRate: 0 });
  });
});
