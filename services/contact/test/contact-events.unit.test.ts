import type { OutboxItem } from '@kith/bus';
import { CONTACT_SOURCE, TOPICS, parseEventData, type EventEnvelope } from '@kith/events';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import {
  CONTACT_EVENT_TYPES,
  decideCreate,
  decideDelete,
  decideUpdate,
} from '../src/domain/contact-decisions';
import { decideHouseholdAddress } from '../src/domain/household-address-decisions';
import { rebuildContactCreated, toOutboxItems } from '../src/events/contact-events';
import { toDocumentState } from '../src/store/contact-document.mapper';
import { aContact, anInheritedAddress } from './support/contact-fixture';

const ID = '01900000-0000-7000-8000-000000000001';
const TENANT = 'tenant-a';

function givenCreated() {
  return decideCreate(
    {
      tenantId: TENANT,
      kind: 'person',
      fields: {
        person: { firstName: 'Jane', lastName: 'Smith' },
        phones: [{ number: '+1 555 0101' }],
      },
    },
    { id: ID, now: '2026-01-01T00:00:00.000Z' },
  );
}

describe('toOutboxItems', () => {
  it('builds a created envelope on the contact topic keyed and subjected by the contact id', () => {
    const [item] = toOutboxItems(givenCreated().events);

    expect(item).toMatchObject({
      topic: TOPICS.contact,
      key: ID,
      event: {
        type: 'kith.contact.created.v1',
        source: CONTACT_SOURCE,
        subject: ID,
        tenantId: TENANT,
        time: '2026-01-01T00:00:00.000Z',
      },
    });
  });

  it('produces data the event catalogue accepts, without internal fields', () => {
    const [item] = toOutboxItems(givenCreated().events);

    const data = parseEventData('kith.contact.created.v1', item?.event.data);

    expect(data.contact.phones).toEqual([
      { number: '+1 555 0101', type: 'other', primary: true, valid: true },
    ]);
    expect(item?.event.data).not.toHaveProperty('contact.searchNames');
  });

  it('carries changedFields on updates and deletedAt on deletes', () => {
    const created = givenCreated().contact;
    const updated = decideUpdate(
      created,
      {
        id: ID,
        tenantId: TENANT,
        expectedVersion: 1,
        fields: { tags: ['vip'] },
        updateMask: ['tags'],
      },
      '2026-01-02T00:00:00.000Z',
    );
    const deleted = decideDelete(
      updated.contact,
      { id: ID, tenantId: TENANT, expectedVersion: 2 },
      '2026-01-03T00:00:00.000Z',
    );

    const [update, remove] = toOutboxItems([...updated.events, ...deleted.events]);

    expect(parseEventData('kith.contact.updated.v1', update?.event.data).changedFields).toEqual([
      'tags',
    ]);
    expect(parseEventData('kith.contact.deleted.v1', remove?.event.data).contact.deletedAt).toBe(
      '2026-01-03T00:00:00.000Z',
    );
  });

  it('carries the inherited household address and the mail reachability it gives', () => {
    const created = givenCreated().contact;
    const householdAddress = anInheritedAddress();
    const { events } = decideHouseholdAddress(
      created,
      householdAddress,
      '2026-01-02T00:00:00.000Z',
    );

    const [item] = toOutboxItems(events);
    const data = parseEventData('kith.contact.updated.v1', item?.event.data);

    expect(data.contact.householdAddress).toEqual(householdAddress);
    expect(data.contact.reachability?.mail).toEqual({
      status: 'unknown',
      suppressed: false,
      reasons: [],
    });
    expect(data.changedFields).toEqual(['householdAddress']);
    expect(data.previous).toEqual({ householdAddress: null });
  });

  it('says who changed what, and what each changed field was before', () => {
    const updated = decideUpdate(
      givenCreated().contact,
      {
        id: ID,
        tenantId: TENANT,
        expectedVersion: 1,
        fields: { tags: ['vip'], source: 'gala' },
        updateMask: ['tags', 'source'],
      },
      '2026-01-02T00:00:00.000Z',
    );

    const [item] = toOutboxItems(updated.events, { actorId: 'user-5' });
    const data = parseEventData('kith.contact.updated.v1', item?.event.data);

    expect(data.actorId).toBe('user-5');
    expect(data.changedFields).toEqual(['tags', 'source']);
    expect(data.previous).toEqual({ tags: [], source: null });
  });

  it('takes the traceparent from the given trace context', () => {
    const spanContext = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    };
    const active = trace.setSpanContext(context.active(), spanContext);

    const [item] = toOutboxItems(givenCreated().events, { traceContext: active });

    expect(item?.event.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
  });
});

describe('rebuildContactCreated', () => {
  const LOGGED_ID = '01900000-0000-7000-8000-0000000000e1';
  const contact = aContact({
    id: ID,
    tenantId: TENANT,
    displayName: 'Jane Smith',
    person: { firstName: 'Jane', lastName: 'Smith' },
    emails: [{ address: 'jane@example.org', type: 'work', primary: true, valid: true }],
    phones: [
      {
        number: '+1 555 0101',
        normalized: '+15550101',
        type: 'mobile',
        primary: true,
        valid: true,
      },
    ],
    tags: ['donor'],
    source: 'import',
    customFields: { tshirt: 'M' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });

  /** The document as the relay reads it back: the insert's state and `_outboxLog`, as stored. */
  function storedDocument(): Record<string, unknown> {
    const doc = {
      ...toDocumentState(contact),
      _outboxLog: [{ version: 1, eventIds: [LOGGED_ID] }],
    };
    return JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  }

  /** What an item says, leaving out the envelope's own id and trace. */
  function said(item: OutboxItem | undefined) {
    const { topic, key, event } = item ?? ({} as OutboxItem);
    const { type, source, subject, tenantId, time, data } = event ?? ({} as EventEnvelope);
    return { topic, key, type, source, subject, tenantId, time, data };
  }

  it('says the creation as its writer did: same topic, key, type, subject, time and data', () => {
    const [written] = toOutboxItems([{ type: CONTACT_EVENT_TYPES.created, contact }], {
      actorId: 'user-7',
    });

    const [rebuilt] = rebuildContactCreated(storedDocument(), [LOGGED_ID], { actorId: 'user-7' });

    expect(said(rebuilt)).toEqual(said(written));
  });

  it('keeps the event id the document logged, so consumers recognise a repeat', () => {
    const [rebuilt] = rebuildContactCreated(storedDocument(), [LOGGED_ID], {});

    expect(rebuilt?.event.id).toBe(LOGGED_ID);
  });

  it('names the actor the creates intent recorded in its meta', () => {
    const [byActor] = rebuildContactCreated(storedDocument(), [LOGGED_ID], { actorId: 'user-7' });
    const [byNobody] = rebuildContactCreated(storedDocument(), [LOGGED_ID], {});

    expect(parseEventData(CONTACT_EVENT_TYPES.created, byActor?.event.data).actorId).toBe('user-7');
    expect(byNobody?.event.data).not.toHaveProperty('actorId');
  });

  it('joins the trace the creates intent recorded in its meta', () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

    const [rebuilt] = rebuildContactCreated(storedDocument(), [LOGGED_ID], { traceparent });

    expect(rebuilt?.event.traceparent).toBe(traceparent);
  });
});
