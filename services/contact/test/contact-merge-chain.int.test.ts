// A chain of merges (A into B, then B into C) against the real servers: every read that
// answers for a merged record names the end of the chain, the live record C.
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import { isServiceError, readErrorInfo } from '@kith/grpc-kit';
import { contactTestClient, type ContactTestClient } from './support/contact-test-client';
import { duplicateTestClient, type DuplicateTestClient } from './support/duplicate-test-client';
import { householdTestClient, type HouseholdTestClient } from './support/household-test-client';
import {
  relationshipTestClient,
  type RelationshipTestClient,
} from './support/relationship-test-client';
import {
  newTenant,
  startContactService,
  type TestContactService,
} from './support/start-contact-service';

function person(first: string) {
  return {
    kind: 'CONTACT_KIND_PERSON' as const,
    fields: {
      person: { firstName: first, lastName: 'Smith' },
      emails: [{ address: `${first.toLowerCase()}@example.org`, type: 'home' }],
    },
  };
}

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
  let contacts: ContactTestClient;
  let duplicates: DuplicateTestClient;
  let households: HouseholdTestClient;
  let relationships: RelationshipTestClient;
  const tenant = newTenant();
  const ids = { a: '', b: '', c: '' };

  beforeAll(async () => {
    running = await startContactService('contact-merge-chain');
    contacts = contactTestClient(running.service.grpcPort);
    duplicates = duplicateTestClient(running.service.grpcPort);
    households = householdTestClient(running.service.grpcPort);
    relationships = relationshipTestClient(running.service.grpcPort);
    for (const name of ['a', 'b', 'c'] as const) {
      ids[name] = (await contacts.create(tenant, person(name.toUpperCase()))).id;
    }
    await duplicates.merge(tenant, { survivorId: ids.b, victimId: ids.a });
    // A merge answered ABORTED (busy: the first one's re-pointing is still running) is retried.
    for (let attempt = 0; ; attempt++) {
      const merged = await duplicates
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
    contacts?.close();
    duplicates?.close();
    households?.close();
    relationships?.close();
    await running?.stop();
  });

  const endOfChain = { code: grpc.status.NOT_FOUND, mergedInto: () => ids.c };
  const expectEnd = (refusal: { code: grpc.status; mergedInto?: string }) =>
    expect(refusal).toEqual({ code: endOfChain.code, mergedInto: endOfChain.mergedInto() });

  it('answers GetContact of the first victim with the last survivor', async () => {
    expectEnd(await refusalOf(contacts.get(tenant, ids.a)));
  });

  it('answers its consent history with the last survivor', async () => {
    expectEnd(await refusalOf(contacts.consentHistory(tenant, ids.a)));
  });

  it('answers its relationships with the last survivor', async () => {
    expectEnd(await refusalOf(relationships.listFor(tenant, { contactId: ids.a })));
  });

  it('answers its household with the last survivor', async () => {
    expectEnd(
      await refusalOf(households.call('GetContactHousehold', tenant, { contactId: ids.a })),
    );
  });

  it('answers its duplicates with the last survivor', async () => {
    expectEnd(await refusalOf(duplicates.duplicatesOf(tenant, ids.a)));
  });

  it('refuses a merge of the first victim naming the last survivor', async () => {
    const refusal = await refusalOf(
      duplicates.merge(tenant, { survivorId: ids.c, victimId: ids.a }),
    );

    expect(refusal).toEqual({ code: grpc.status.FAILED_PRECONDITION, mergedInto: ids.c });
  });
});
