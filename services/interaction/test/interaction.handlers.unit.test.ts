// The gRPC handlers over fakes of the use cases, through a real gRPC server on a free port (no
// database): proto in, domain words to the use case, the caller from metadata, the answer and
// the service's errors back as statuses.
import * as grpc from '@grpc/grpc-js';
import { INTERACTION_PROTO, type InteractionProtoGrpcType } from '@kith/contracts';
import {
  createGrpcServer,
  createTypedClient,
  grpcService,
  loadProto,
  type GrpcServer,
} from '@kith/grpc-kit';
import type { IdempotentCreates } from '@kith/idempotency';
import { createLogger } from '@kith/logger';
import type { InteractionService } from '../src/app/interaction.service';
import type { MailIngestService } from '../src/app/mail-ingest.service';
import type { TimelineService } from '../src/app/timeline.service';
import type { Interaction } from '../src/domain/interaction';
import { giftEntriesFor, interactionEntry } from '../src/domain/timeline';
import { giftOf } from './support/timeline-fixtures';
import { InteractionError } from '../src/domain/interaction-error';
import type { InteractionInput } from '../src/domain/interaction-validation';
import { interactionHandlers } from '../src/grpc/interaction.handlers';

const logger = createLogger({ service: 'interaction-handlers-test', level: 'silent' });
const stored: Interaction = {
  id: 'i-1',
  tenantId: 't-1',
  version: 1,
  type: 'in_person',
  direction: 'internal',
  occurredAt: '2026-12-01T09:00:00.000Z',
  participantContactIds: ['c-ada'],
  loggedBy: 'u-7',
  source: 'manual',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
};
const received: Array<{ method: string; args: unknown[] }> = [];
const service = {
  async create(caller: unknown, input: InteractionInput, id: string) {
    received.push({ method: 'create', args: [caller, input, id] });
    if (input.participantContactIds?.includes('c-gone')) {
      throw InteractionError.refused('no', [
        { field: 'participantContactIds[0]', message: 'c-gone is a deleted contact' },
      ]);
    }
    return { ...stored, id };
  },
  async find() {
    return undefined;
  },
  async update(command: unknown) {
    received.push({ method: 'update', args: [command] });
    return { ...stored, version: 2 };
  },
} as unknown as InteractionService;
const mail = {} as MailIngestService;
const gift = giftOf({
  donorId: 'c-ada',
  softCredits: [
    { contactId: 'c-bob', type: 'household_member', amountMinor: 15000, automatic: true },
  ],
});
const timeline: Pick<TimelineService, 'page'> = {
  async page(input) {
    received.push({ method: 'timeline', args: [input] });
    return {
      entries: [
        ...giftEntriesFor(gift, 'c-ada'),
        ...giftEntriesFor(gift, 'c-bob'),
        interactionEntry(stored),
      ],
    };
  },
};
const creates = {
  create: (
    _caller: unknown,
    _op: string,
    _req: unknown,
    steps: { create(id: string): Promise<unknown> },
  ) => steps.create('i-new'),
} as unknown as IdempotentCreates;

let server: GrpcServer;
let client: ReturnType<typeof clientOf>;
const clientOf = (port: number) => {
  const proto = loadProto(INTERACTION_PROTO) as unknown as InteractionProtoGrpcType;
  return createTypedClient(proto.kith.interaction.v1.InteractionService, `127.0.0.1:${port}`);
};

beforeAll(async () => {
  server = createGrpcServer({
    logger,
    services: [
      grpcService(
        INTERACTION_PROTO,
        'kith.interaction.v1.InteractionService',
        interactionHandlers({ interactions: service, mail, timeline }, creates, logger),
      ),
    ],
  });
  client = clientOf(await server.start('127.0.0.1:0'));
});

afterAll(async () => {
  client?.close();
  await server?.stop();
});

beforeEach(() => received.splice(0));

const ctx = { tenantId: 't-1', userId: 'u-7', roles: ['fundraiser'] };

describe('InteractionService handlers', () => {
  it('hands the use case domain words and the caller, and answers the interaction in proto', async () => {
    const answer = await client.CreateInteraction(
      {
        fields: {
          type: 'INTERACTION_TYPE_IN_PERSON',
          occurredAt: '2026-12-01T10:00:00+01:00',
          participantContactIds: ['c-ada'],
        },
      },
      ctx,
    );

    expect(received[0]?.args[0]).toMatchObject({ tenantId: 't-1', userId: 'u-7' });
    expect(received[0]?.args[1]).toMatchObject({
      type: 'in_person',
      direction: '',
      participantContactIds: ['c-ada'],
    });
    expect(received[0]?.args[2]).toBe('i-new');
    expect(answer.interaction).toMatchObject({
      id: 'i-new',
      type: 'INTERACTION_TYPE_IN_PERSON',
      direction: 'INTERACTION_DIRECTION_INTERNAL',
      version: '1',
      durationMinutes: 0,
      mail: null,
    });
  });

  it('names update mask paths as the domain does', async () => {
    await client.UpdateInteraction(
      {
        id: 'i-1',
        expectedVersion: '1',
        fields: { occurredAt: '2026-12-01T10:00:00Z' },
        updateMask: { paths: ['occurred_at', 'duration_minutes'] },
      },
      ctx,
    );

    expect(received[0]?.args[0]).toMatchObject({
      expectedVersion: 1,
      paths: ['occurredAt', 'durationMinutes'],
    });
  });

  it('answers a refused participant FAILED_PRECONDITION with the field', async () => {
    const err = await client
      .CreateInteraction(
        { fields: { type: 'INTERACTION_TYPE_CALL', participantContactIds: ['c-gone'] } },
        ctx,
      )
      .then(
        () => undefined,
        (e: grpc.ServiceError) => e,
      );

    expect(err?.code).toBe(grpc.status.FAILED_PRECONDITION);
  });

  it('answers timeline entries of every kind, amounts as int64 strings, with the kinds asked', async () => {
    const answer = await client.ListContactTimeline(
      { contactId: 'c-ada', kinds: ['gift', 'refund'], page: { pageSize: 10, pageToken: '' } },
      ctx,
    );

    expect(received[0]?.args[0]).toMatchObject({
      tenantId: 't-1',
      contactId: 'c-ada',
      kinds: ['gift', 'refund'],
      pageSize: 10,
    });
    expect(answer.entries.map((e) => e.kind)).toEqual([
      'gift',
      'refund',
      'soft_credit',
      'interaction',
    ]);
    expect(answer.entries[0]).toMatchObject({
      occurredAt: '2026-11-30T09:00:00.000Z',
      interaction: null,
      gift: {
        donationId: 'd-1',
        donorId: 'c-ada',
        amount: { amountMinor: '15000', currency: 'USD' },
        refundedMinor: '5000',
        netMinor: '10000',
        status: 'partially_refunded',
        fund: 'Roof appeal',
        campaignId: '',
      },
    });
    expect(answer.entries[1]).toMatchObject({
      occurredAt: '2026-12-02T09:00:00.000Z',
      refund: { refundId: 'r-1', amountMinor: '5000' },
    });
    expect(answer.entries[2]?.softCredit).toEqual({
      type: 'household_member',
      amountMinor: '15000',
      netMinor: '10000',
      automatic: true,
    });
    expect(answer.entries[3]?.interaction).toMatchObject({ id: 'i-1' });
  });

  it('refuses a call without a tenant', async () => {
    const err = await client.GetInteraction({ id: 'i-1' }, { ...ctx, tenantId: '' }).then(
      () => undefined,
      (e: grpc.ServiceError) => e,
    );

    expect(err?.code).toBe(grpc.status.UNAUTHENTICATED);
  });
});
