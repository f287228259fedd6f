// A few records of every kind through the gateway, so schemathesis' `{id}` paths reach real
// data: their ids go to schemathesis as environment variables that schemathesis.toml reads.
import { randomUUID } from 'node:crypto';

type Answer = { status: number; body: Record<string, unknown> };

export interface SeededIds {
  [name: string]: string;
  KITH_ST_PERSON_ID: string;
  KITH_ST_ORGANIZATION_ID: string;
  KITH_ST_HOUSEHOLD_ID: string;
  KITH_ST_RELATIONSHIP_ID: string;
  KITH_ST_RELATIONSHIP_TYPE: string;
  KITH_ST_CUSTOM_FIELD_KEY: string;
  KITH_ST_INTERACTION_ID: string;
  KITH_ST_DONATION_ID: string;
  KITH_ST_IMPORT_ID: string;
}

export async function seedRecords(baseUrl: string, token: string): Promise<SeededIds> {
  const send = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const created = async (path: string, body?: unknown): Promise<Record<string, unknown>> => {
    // A gift or an interaction names contacts their services learn of from events: a 422
    // while those are on the way is asked again.
    let res = await send('POST', path, body);
    for (let attempt = 0; res.status === 422 && attempt < 50; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      res = await send('POST', path, body);
    }
    if (res.status !== 201) {
      throw new Error(`seeding POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return res.body;
  };
  const idOf = async (path: string, body?: unknown) => String((await created(path, body)).id);

  const person = await idOf('/v1/contacts', {
    name: { firstName: 'Ada', lastName: 'Contract' },
    emails: [{ address: 'ada.contract@example.org' }],
  });
  const partner = await idOf('/v1/contacts', { name: { firstName: 'Bo', lastName: 'Contract' } });
  const organization = await idOf('/v1/organizations', {
    name: 'Contract Works',
    emails: [{ address: 'office@contract.example.org' }],
  });
  const household = await idOf('/v1/households');
  await send('POST', `/v1/households/${household}/members`, { contactId: partner });
  const relationshipType = 'employee-of';
  const relationship = await idOf('/v1/relationships', {
    typeCode: relationshipType,
    contactAId: person,
    contactBId: organization,
  });
  const customField = await created('/v1/custom-fields', {
    recordType: 'person',
    key: 'membership_level',
    label: 'Membership level',
    type: 'text',
  });
  const interaction = await idOf('/v1/interactions', {
    type: 'call',
    occurredAt: '2026-12-01T10:00:00Z',
    participantContactIds: [person],
  });
  const donation = await idOf('/v1/donations', {
    donorId: person,
    amount: { amountMinor: 15000, currency: 'USD' },
    receivedAt: '2026-11-30T09:00:00Z',
    paymentMethod: 'card',
  });
  const importJob = await idOf('/v1/imports', { kind: 'person', fileName: 'contract.csv' });
  return {
    KITH_ST_PERSON_ID: person,
    KITH_ST_ORGANIZATION_ID: organization,
    KITH_ST_HOUSEHOLD_ID: household,
    KITH_ST_RELATIONSHIP_ID: relationship,
    KITH_ST_RELATIONSHIP_TYPE: relationshipType,
    KITH_ST_CUSTOM_FIELD_KEY: String(customField.key),
    KITH_ST_INTERACTION_ID: interaction,
    KITH_ST_DONATION_ID: donation,
    KITH_ST_IMPORT_ID: importJob,
  };
}
