// A chain of merges (A into B, then B into C) against the real servers: every read that
// answers for a merged record names the end of the chain, the live record C.
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import { isServiceError, readErrorInfo } from '@kith/grpc-kit';
import { aPerson, mergeClients, type MergeClients } from './support/merge-test-kit';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

/** The status and the survivor a failed read named (ErrorInfo CONTACT_MERGED). */
async function refusalOf(
  read: Promise<unknown>,
): Promise<{ code: grpc.status; mergedInto?: string }> {
  try {
    await read;
  } catch (err) {
    if (!isServiceError(err)) throw err;
    const info = readErrorInfo(err);
    return info?.reason === CONTACT_ERROR_REASONS.merged
      ? { code: err.code, mergedInto: info.metadata.survivorId }
      : { code: err.code };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe('reading a record merged twice against the real servers', () => {
  let running: TestContactService;
  let clients: MergeClients;
  const tenant = newTenant();
  const ids = { a: '', b: '', c: '' };

  beforeAll(async () => {
    running = await startContactService('contact-merge-chain');
    clients = mergeClients(running.service.grpcPort);
    for (const name of ['a', 'b', 'c'] as const) {
      ids[name] = (await clients.contacts.create(tenant, aPerson(name.toUpperCase()))).id;
    }
    await clients.duplicates.merge(tenant, { survivorId: ids.b, victimId: ids.a });
    // A merge answered ABORTED (busy: the first one's re-pointing is still running) is retried.
    for (let attempt = 0; ; attempt++) {
      const merged = await clients.duplicates
        .merge(tenant, { survivorId: ids.c, victimId: ids.b })
        .then(() => true)
        .catch((err: unknown) => {
          if (isServiceError(err) && err.code === grpc.status.ABORTED && attempt < 20) return false;
          throw err;
        });
      if (merged) break;
    }
  });

  afterAll(async () => {
    clients?.close();
    await running?.stop();
  });

  const endOfChain = { code: grpc.status.NOT_FOUND, mergedInto: () => ids.c };
  const expectEnd = (refusal: { code: grpc.status; mergedInto?: string }) =>
    expect(refusal).toEqual({ code: endOfChain.code, mergedInto: endOfChain.mergedInto() });

  it('answers GetContact of the first victim with the last survivor', async () => {
    expectEnd(await refusalOf(clients.contacts.get(tenant, ids.a)));
  });

  it('answers its consent history with the last survivor', async () => {
    expectEnd(await refusalOf(clients.contacts.consentHistory(tenant, ids.a)));
  });

  it('answers its relationships with the last survivor', async () => {
    expectEnd(await refusalOf(clients.relationships.listFor(tenant, { contactId: ids.a })));
  });

  it('answers its household with the last survivor', async () => {
    expectEnd(
      await refusalOf(clients.households.call('GetContactHousehold', tenant, { contactId: ids.a })),
    );
  });

  it('answers its duplicates with the last survivor', async () => {
    expectEnd(await refusalOf(clients.duplicates.duplicatesOf(tenant, ids.a)));
  });

  it('refuses a merge of the first victim naming the last survivor', async () => {
    const refusal = await refusalOf(
      clients.duplicates.merge(tenant, { survivorId: ids.c, victimId: ids.a }),
    );

    expect(refusal).toEqual({ code: grpc.status.FAILED_PRECONDITION, mergedInto: ids.c });
  });
});
