// A few records of every kind through the gateway, so schemathesis' `{id}` paths reach real
// data: their ids go to schemathesis as environment variables that schemathesis.toml reads.
import { randomUUID } from 'node:crypto';

type Answer = { status: number; body: Record<string, unknown> };

/**
 * Ids by the environment variable schemathesis.toml reads: a record of each kind that reads and
 * changes aim at, and a spare one of the kinds that deletes, erasures and merges aim at, so
 * the records the rest of the run reads stay.
 */
export type SeededIds = Record<string, string>;

export async function seedRecords(baseUrl: string, token: string): Promise<SeededIds> {
  const send = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        ...headers,
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

  const person = async (firstName: string) =>
    idOf('/v1/contacts', {
      name: { firstName, lastName: 'Contract' },
      emails: [{ address: `${firstName.toLowerCase()}.contract@example.org` }],
    });
  const organization = async (name: string, email: string) =>
    idOf('/v1/organizations', { name, emails: [{ address: email }] });
  const ada = await person('Ada');
  const bo = await person('Bo');
  const works = await organization('Contract Works', 'office@contract.example.org');
  const household = await idOf('/v1/households');
  // Bo stays a member (his household is read); Dee is the member a removal takes away.
  const dee = await person('Dee');
  for (const [version, contactId] of [bo, dee].entries()) {
    const joined = await send(
      'POST',
      `/v1/households/${household}/members`,
      { contactId },
      { 'if-match': `"${version + 1}"` },
    );
    if (joined.status !== 200) throw new Error(`seeding a household member: ${joined.status}`);
  }
  const relationship = (contactAId: string) =>
    idOf('/v1/relationships', { typeCode: 'employee-of', contactAId, contactBId: works });
  const field = (key: string) =>
    created('/v1/custom-fields', { recordType: 'person', key, label: key, type: 'text' });
  const interaction = () =>
    idOf('/v1/interactions', {
      type: 'call',
      occurredAt: '2026-12-01T10:00:00Z',
      participantContactIds: [ada],
    });
  return {
    KITH_ST_PERSON_ID: ada,
    KITH_ST_MEMBER_ID: bo,
    KITH_ST_ORGANIZATION_ID: works,
    KITH_ST_HOUSEHOLD_ID: household,
    KITH_ST_RELATIONSHIP_ID: await relationship(ada),
    KITH_ST_CUSTOM_FIELD_KEY: String((await field('membership_level')).key),
    KITH_ST_INTERACTION_ID: await interaction(),
    KITH_ST_DONATION_ID: await idOf('/v1/donations', {
      donorId: ada,
      amount: { amountMinor: 15000, currency: 'USD' },
      receivedAt: '2026-11-30T09:00:00Z',
      paymentMethod: 'card',
    }),
    KITH_ST_IMPORT_ID: await idOf('/v1/imports', { kind: 'person', fileName: 'contract.csv' }),
    // Spares: what deletes, erasures and merges may take away.
    KITH_ST_SPARE_PERSON_ID: await person('Cy'),
    KITH_ST_SPARE_ORGANIZATION_ID: await organization('Spare Works', 'spare@contract.example.org'),
    KITH_ST_SPARE_MEMBER_ID: dee,
    KITH_ST_SPARE_HOUSEHOLD_ID: await idOf('/v1/households'),
    KITH_ST_SPARE_RELATIONSHIP_ID: await relationship(bo),
    KITH_ST_SPARE_CUSTOM_FIELD_KEY: String((await field('spare_level')).key),
    KITH_ST_SPARE_INTERACTION_ID: await interaction(),
  };
}
