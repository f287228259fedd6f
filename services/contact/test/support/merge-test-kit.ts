// What the merge integration tests share: the four clients a merge touches, a person to
// create, the outcome of a merge sent in a race, and polling for what consumers do later.
import type * as grpc from '@grpc/grpc-js';
import { isServiceError } from '@kith/grpc-kit';
import { contactTestClient, type ContactTestClient } from './contact-test-client';
import { duplicateTestClient, type DuplicateTestClient } from './duplicate-test-client';
import { householdTestClient, type HouseholdTestClient } from './household-test-client';
import { relationshipTestClient, type RelationshipTestClient } from './relationship-test-client';

export interface MergeClients {
  contacts: ContactTestClient;
  duplicates: DuplicateTestClient;
  households: HouseholdTestClient;
  relationships: RelationshipTestClient;
  close(): void;
}

export function mergeClients(port: number): MergeClients {
  const clients = {
    contacts: contactTestClient(port),
    duplicates: duplicateTestClient(port),
    households: householdTestClient(port),
    relationships: relationshipTestClient(port),
  };
  return { ...clients, close: () => Object.values(clients).forEach((c) => c.close()) };
}

/** A person named `first` Smith with a matching email. */
export function aPerson(first: string) {
  return {
    kind: 'CONTACT_KIND_PERSON' as const,
    fields: {
      person: { firstName: first, lastName: 'Smith' },
      emails: [{ address: `${first.toLowerCase()}@example.org`, type: 'home' }],
    },
  };
}

/** 'won', or the gRPC status a refused call answered. */
export async function outcomeOf(call: Promise<unknown>): Promise<'won' | grpc.status> {
  try {
    await call;
    return 'won';
  } catch (err) {
    if (isServiceError(err)) return err.code;
    throw err;
  }
}

/** Reads until `done` (at most 30 s): consumers re-point a merge's records moments later. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const until = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
