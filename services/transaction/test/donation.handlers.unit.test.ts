// DonationService's handlers over a real gRPC server on loopback, with the stores faked: the
// proto mapping (int64 amounts as strings both ways), the statuses each failure answers, and
// the idempotent create and refund on the idempotency-key metadata.
import * as grpc from '@grpc/grpc-js';
import { DONATION_PROTO, type DonationProtoGrpcType } from '@kith/contracts';
import {
  createGrpcServer,
  createTypedClient,
  grpcService,
  loadProto,
  readErrorInfo,
  readFieldErrors,
  type GrpcServer,
} from '@kith/grpc-kit';
import { IdempotentCreates } from '@kith/idempotency';
import { createLogger } from '@kith/logger';
import { DonationContacts } from '../src/app/donation-contacts';
import { DonationService } from '../src/app/donation.service';
import { donationHandlers } from '../src/grpc/donation.handlers';
import { FakeDonations, FakeProjection, fakeKeyDb } from './support/donation-fakes';
import { AMY, JANE, JOHN, TENANT } from './support/donation-givens';

const logger = createLogger({ service: 'transaction-unit', level: 'silent' });
let server: GrpcServer;
let client: ReturnType<typeof newClient>;
let donations: FakeDonations;
let projection: FakeProjection;

function newClient(port: number) {
  const proto = loadProto(DONATION_PROTO) as unknown as DonationProtoGrpcType;
  return createTypedClient(proto.kith.transaction.v1.DonationService, `127.0.0.1:${port}`);
}

beforeEach(async () => {
  donations = new FakeDonations();
  projection = new FakeProjection();
  projection.person(TENANT, JANE);
  projection.person(TENANT, JOHN);
  const service = new DonationService({
    donations,
    contacts: new DonationContacts(projection, { waitForUnknownMs: 0 }),
    projection,
    now: () => '2026-12-01T10:00:00.000Z',
  });
  server = createGrpcServer({
    logger,
    services: [
      grpcService(
        DONATION_PROTO,
        'kith.transaction.v1.DonationService',
        donationHandlers(service, logger, new IdempotentCreates(fakeKeyDb(), { settleMs: 0 })),
      ),
    ],
  });
  client = newClient(await server.start('127.0.0.1:0'));
});

afterEach(async () => {
  client.close();
  await server.stop();
});

const ctx = (idempotencyKey?: string) => ({
  tenantId: TENANT,
  userId: 'u-1',
  roles: [],
  ...(idempotencyKey ? { idempotencyKey } : {}),
});
const gift = (amountMinor = '15000', fields: object = {}) => ({
  donorId: JANE,
  amount: { amountMinor, currency: 'USD' },
  fields: { receivedAt: '2026-11-30T09:00:00Z', paymentMethod: 'card', ...fields },
});
const failure = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: grpc.ServiceError) => err,
  );

describe('CreateDonation', () => {
  it('reads int64 amounts from strings and answers them as strings, with the net', async () => {
    const { donation } = await client.CreateDonation(
      gift('15000', { softCredits: [{ contactId: JOHN, type: 'solicitor', amountMinor: '2500' }] }),
      ctx(),
    );

    expect(donation).toMatchObject({
      donorId: JANE,
      amount: { amountMinor: '15000', currency: 'USD' },
      netMinor: '15000',
      refundedMinor: '0',
      version: '1',
      paymentStatus: 'completed',
      tribute: null,
      softCredits: [{ contactId: JOHN, type: 'solicitor', amountMinor: '2500', automatic: false }],
    });
    expect([...donations.rows.values()][0]?.amount).toEqual({
      amountMinor: 15000,
      currency: 'USD',
    });
  });

  it('answers INVALID_ARGUMENT naming each field: no amount, past the limit, no currency', async () => {
    const noAmount = await failure(client.CreateDonation({ ...gift(), amount: null }, ctx()));
    const tooMuch = await failure(
      client.CreateDonation(
        { ...gift(), amount: { amountMinor: '1000000000001', currency: 'xx' } },
        ctx(),
      ),
    );

    expect(noAmount.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(readFieldErrors(noAmount)).toEqual([{ field: 'amount', message: 'is required' }]);
    expect(readFieldErrors(tooMuch)).toEqual([
      { field: 'amount.amountMinor', message: 'must be at most 1000000000000 minor units' },
      { field: 'amount.currency', message: 'must be an ISO 4217 currency code in use, e.g. USD' },
    ]);
    expect(donations.rows.size).toBe(0);
  });

  it('answers FAILED_PRECONDITION for a donor the projection does not know', async () => {
    const err = await failure(client.CreateDonation({ ...gift(), donorId: AMY }, ctx()));

    expect(err.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(readFieldErrors(err)).toEqual([
      { field: 'donorId', message: `${AMY} is not a contact of this tenant` },
    ]);
  });

  it('answers the same gift to the same idempotency key, and stores one', async () => {
    const first = await client.CreateDonation(gift(), ctx('k-1'));
    const again = await client.CreateDonation(gift(), ctx('k-1'));
    const other = await failure(client.CreateDonation(gift('1'), ctx('k-1')));

    expect(again.donation?.id).toBe(first.donation?.id);
    expect(donations.rows.size).toBe(1);
    expect(other.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(readErrorInfo(other)?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('UpdateDonation, RefundDonation, GetGiving', () => {
  it('changes only the masked paths, in either spelling; ABORTED at a stale version', async () => {
    const { donation } = await client.CreateDonation(gift('15000', { fund: 'Roof' }), ctx());
    const id = donation!.id;

    const changed = await client.UpdateDonation(
      {
        id,
        expectedVersion: '1',
        fields: { campaignId: 'c-9', fund: '' },
        updateMask: { paths: ['campaign_id', 'fund'] },
      },
      ctx(),
    );
    const stale = await failure(
      client.UpdateDonation(
        {
          id,
          expectedVersion: '1',
          fields: { anonymous: true },
          updateMask: { paths: ['anonymous'] },
        },
        ctx(),
      ),
    );
    const unknown = await failure(
      client.UpdateDonation(
        { id, expectedVersion: '2', fields: {}, updateMask: { paths: ['amount', 'receivedAt'] } },
        ctx(),
      ),
    );

    expect(changed.donation).toMatchObject({ campaignId: 'c-9', fund: '', version: '2' });
    expect(stale.code).toBe(grpc.status.ABORTED);
    expect(unknown.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(readFieldErrors(unknown)).toEqual([
      expect.objectContaining({
        field: 'updateMask',
        message: expect.stringMatching(/^unknown path amount/),
      }),
      { field: 'receivedAt', message: 'cannot be cleared' },
    ]);
  });

  it('refunds once per idempotency key and refuses more than remains', async () => {
    const { donation } = await client.CreateDonation(gift(), ctx());
    const refund = (amountMinor: string, key: string) =>
      client.RefundDonation({ donationId: donation!.id, amountMinor }, ctx(key));

    const first = await refund('5000', 'r-1');
    const retried = await refund('5000', 'r-1');
    const over = await failure(refund('10001', 'r-2'));

    expect(first.refund).toMatchObject({ amountMinor: '5000', reason: '' });
    expect(retried.refund?.id).toBe(first.refund?.id);
    expect(retried.donation).toMatchObject({
      refundedMinor: '5000',
      netMinor: '10000',
      version: '2',
    });
    expect(over.code).toBe(grpc.status.FAILED_PRECONDITION);
  });

  it("answers a merge victim's giving NOT_FOUND naming the survivor, an id no contact can have NOT_FOUND", async () => {
    projection.person(TENANT, AMY, { status: 'merged', mergedInto: JANE });
    await client.CreateDonation(gift(), ctx());

    const victim = await failure(client.GetGiving({ contactId: AMY }, ctx()));
    const bad = await failure(client.GetGiving({ contactId: 'not-an-id' }, ctx()));
    const giving = await client.GetGiving({ contactId: JANE }, ctx());

    expect(victim.code).toBe(grpc.status.NOT_FOUND);
    expect(readErrorInfo(victim)).toEqual({
      reason: 'CONTACT_MERGED',
      metadata: { survivorId: JANE },
    });
    expect(bad.code).toBe(grpc.status.NOT_FOUND);
    expect(bad.details).toBe('contact not-an-id not found');
    expect(giving.currencies).toEqual([
      expect.objectContaining({
        currency: 'USD',
        hardTotalMinor: '15000',
        giftCount: 1,
        firstGiftAt: '2026-11-30T09:00:00.000Z',
      }),
    ]);
  });
});
