// The contact service's side of kith.contact.v1, played by a test: a service that consumes
// contact events runs the lifecycle conformance suite against events published here to real
// Kafka. Every event's data is checked against the catalogue before it is sent, so the feed
// cannot drift from what the contact service publishes; versions are kept per contact as the
// contact service would.
import { randomUUID } from 'node:crypto';
import {
  CONTACT_SOURCE,
  EVENT_TYPES,
  TOPICS,
  newEvent,
  parseEventData,
  toKafkaMessage,
  type ContactSnapshot,
  type EventType,
} from '@kith/events';
import { Kafka, logLevel, type Message, type Producer } from 'kafkajs';
import type { PersonValues } from './lifecycle-conformance';

/** An event built (its versions counted) but not yet sent; sending it again is a redelivery. */
export interface PreparedEvent {
  type: EventType;
  message: Message;
}
/** A new person with no consent recorded yet: reachable, nothing suppressed. */
const reachable = () => ({ status: 'unknown' as const, suppressed: false, reasons: [] });

export class ContactEventFeed {
  private readonly producer: Producer;
  private readonly snapshots = new Map<string, ContactSnapshot>();
  private readonly versions = new Map<string, number>();

  constructor(
    brokers: string[],
    private readonly topicPrefix = '',
  ) {
    const kafka = new Kafka({ clientId: 'kith-testkit-feed', brokers, logLevel: logLevel.NOTHING });
    this.producer = kafka.producer({ idempotent: true });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }

  /** The last version prepared for the contact (0 if none). */
  versionOf(tenantId: string, id: string): number {
    return this.versions.get(`${tenantId}\n${id}`) ?? 0;
  }

  /** Every contact an event was prepared for, with its last version: what a consumer must reach. */
  contacts(): Array<{ tenantId: string; id: string; version: number }> {
    return [...this.versions].map(([key, version]) => {
      const [tenantId = '', id = ''] = key.split('\n');
      return { tenantId, id, version };
    });
  }

  /**
   * Publishes kith.contact.created.v1 of a person with these values (and any other snapshot
   * fields the test sets, e.g. tags or reachability); answers the new id.
   */
  async createPerson(
    tenantId: string,
    values: PersonValues,
    overrides: Partial<Omit<ContactSnapshot, 'id' | 'tenantId' | 'version'>> = {},
  ): Promise<string> {
    const now = new Date().toISOString();
    const id = randomUUID();
    const snapshot: ContactSnapshot = {
      id,
      tenantId,
      kind: 'person',
      version: 1,
      displayName: `${values.firstName} ${values.lastName}`,
      person: { firstName: values.firstName, lastName: values.lastName },
      emails: [{ address: values.email, type: 'home', primary: true }],
      phones: [],
      tags: [],
      reachability: { email: reachable(), sms: reachable(), phone: reachable(), mail: reachable() },
      createdAt: now,
      updatedAt: now,
      ...overrides,
    };
    this.remember(snapshot);
    await this.publish(
      this.prepare(EVENT_TYPES.contactCreated, tenantId, id, { contact: snapshot }),
    );
    return id;
  }

  /** kith.contact.merged.v1 with the victim's tombstone; the survivor's and victim's versions move on. */
  prepareMerge(tenantId: string, survivorId: string, victimId: string): PreparedEvent {
    const now = new Date().toISOString();
    const survivor = this.known(tenantId, survivorId);
    const victim = this.known(tenantId, victimId);
    const contact = { ...survivor, version: survivor.version + 1, updatedAt: now };
    const tombstone = {
      ...victim,
      version: victim.version + 1,
      updatedAt: now,
      deletedAt: now,
      mergedInto: survivorId,
    };
    this.remember(contact);
    this.remember(tombstone);
    const data = { contact, survivorId, victimId, victim: tombstone, fieldChoices: {} };
    return this.prepare(EVENT_TYPES.contactMerged, tenantId, survivorId, data);
  }

  /**
   * kith.household.updated.v1 of a household at `version` with these members (a `left` one
   * keeps its entry with leftAt set, as the contact service keeps history; a `deceased` one
   * carries the flag, as the member's snapshot does once the person died).
   */
  prepareHousehold(
    tenantId: string,
    householdId: string,
    version: number,
    members: Array<{ contactId: string; left?: boolean; deceased?: boolean }>,
  ): PreparedEvent {
    const now = new Date().toISOString();
    const household = {
      id: householdId,
      tenantId,
      version,
      name: 'Household',
      greeting: 'Household',
      members: members.map(({ contactId, left, deceased }) => ({
        contactId,
        role: 'adult' as const,
        inheritsAddress: false,
        joinedAt: now,
        ...(left ? { leftAt: now } : {}),
        ...(deceased ? { deceased: true } : {}),
      })),
      createdAt: now,
      updatedAt: now,
    };
    const memberChanges = members.map(({ contactId, left }) => ({
      contactId,
      change: left ? ('left' as const) : ('joined' as const),
    }));
    const data = { household, changedFields: ['members'], memberChanges };
    return this.prepare(EVENT_TYPES.householdUpdated, tenantId, householdId, data);
  }

  /** kith.contact.deleted.v1 of a contact the feed created: its last state with deletedAt. */
  prepareDelete(tenantId: string, contactId: string): PreparedEvent {
    const now = new Date().toISOString();
    const known = this.known(tenantId, contactId);
    const contact = { ...known, version: known.version + 1, updatedAt: now, deletedAt: now };
    this.remember(contact);
    return this.prepare(EVENT_TYPES.contactDeleted, tenantId, contactId, { contact });
  }

  /** kith.contact.erased.v1, also for an id the feed never created (another tenant's). */
  prepareErase(tenantId: string, contactId: string): PreparedEvent {
    const version = this.versionOf(tenantId, contactId) + 1;
    this.versions.set(`${tenantId}\n${contactId}`, version);
    const data = { contactId, tenantId, version, erasedAt: new Date().toISOString() };
    return this.prepare(EVENT_TYPES.contactErased, tenantId, contactId, data);
  }

  async publish(prepared: PreparedEvent): Promise<void> {
    await this.producer.send({
      topic: `${this.topicPrefix}${TOPICS.contact}`,
      acks: -1,
      messages: [prepared.message],
    });
  }

  private remember(snapshot: ContactSnapshot): void {
    this.snapshots.set(`${snapshot.tenantId}\n${snapshot.id}`, snapshot);
    this.versions.set(`${snapshot.tenantId}\n${snapshot.id}`, snapshot.version);
  }

  private known(tenantId: string, id: string): ContactSnapshot {
    const known = this.snapshots.get(`${tenantId}\n${id}`);
    if (!known) throw new Error(`the feed never created contact ${id} in ${tenantId}`);
    return known;
  }

  private prepare(type: EventType, tenantId: string, key: string, data: unknown): PreparedEvent {
    return prepareEvent({ type, source: CONTACT_SOURCE, tenantId, key, data });
  }
}

/** An event checked against the catalogue and enveloped as its producer would send it. */
export function prepareEvent(opts: {
  type: EventType;
  source: string;
  tenantId: string;
  /** The Kafka key and the event's subject. */
  key: string;
  data: unknown;
  time?: string;
}): PreparedEvent {
  parseEventData(opts.type, opts.data);
  const event = newEvent({
    type: opts.type,
    source: opts.source,
    subject: opts.key,
    tenantId: opts.tenantId,
    data: opts.data,
    time: opts.time ?? new Date().toISOString(),
  });
  return { type: opts.type, message: toKafkaMessage(event, opts.key) };
}

/**
 * Publishes, per key, the event `build` prepares on the first call, and the very same event on
 * every later call: the lifecycle suite's "delivered twice" (one event id, two deliveries).
 */
export function redelivery(
  publish: (prepared: PreparedEvent) => Promise<void>,
): (key: string, build: () => PreparedEvent) => Promise<void> {
  const prepared = new Map<string, PreparedEvent>();
  return (key, build) => {
    let event = prepared.get(key);
    if (!event) {
      event = build();
      prepared.set(key, event);
    }
    return publish(event);
  };
}
