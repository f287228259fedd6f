// The contact lifecycle as a consuming service follows it: one consumer group on
// kith.contact.v1 keeps the projection (contact-projection.store.ts) and runs the hooks the
// service registered when a contact is merged or erased, so the service re-points or forgets
// its own records. Declared once:
//
//   const lifecycle = new ContactLifecycle(db)
//     .onMerged((victim, survivor, ctx) => donations.repoint(ctx.tenantId, victim, survivor))
//     .onErased((contactId, ctx) => donations.anonymise(ctx.tenantId, contactId));
//   consumers.push(lifecycle.consumer({ kafka, producer, logger, groupId: 'transaction-contacts' }));
//
// Delivery is at least once and the group runs with dedupe 'handler' (no processed-id marks):
// the projection is idempotent by construction, and hooks run again on a redelivery, so they
// must be idempotent too (DESIGN.md, "Consuming"). A failing hook is retried, then
// dead-lettered, like any handler.
import { ConsumerRunner, type EventHandler, type EventProducer } from '@kith/bus';
import {
  EVENT_TYPES,
  TOPICS,
  parseEventData,
  type ContactSnapshot,
  type HouseholdSnapshot,
} from '@kith/events';
import type { Logger } from '@kith/logger';
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import {
  projectErasure,
  projectHouseholdPlaces,
  projectSnapshot,
  projectVictim,
} from './contact-projection';
import { ContactProjectionStore } from './contact-projection.store';

/** Events that carry the contact's full state after the change. */
const SNAPSHOT_EVENTS = [
  EVENT_TYPES.contactCreated,
  EVENT_TYPES.contactUpdated,
  EVENT_TYPES.contactDeleted,
  EVENT_TYPES.contactConsentChanged,
] as const;

/** Events that carry a household's members, current and former. */
const HOUSEHOLD_EVENTS = [
  EVENT_TYPES.householdCreated,
  EVENT_TYPES.householdUpdated,
  EVENT_TYPES.householdDeleted,
] as const;

export interface LifecycleEventContext {
  tenantId: string;
  /** The CloudEvents id of the event that caused the call (the same on a redelivery). */
  eventId: string;
}

export type MergedHook = (
  victimId: string,
  survivorId: string,
  ctx: LifecycleEventContext,
) => Promise<void>;
export type ErasedHook = (contactId: string, ctx: LifecycleEventContext) => Promise<void>;
/**
 * A contact's full state as an event carried it (created, updated, deleted, consent changed,
 * and both sides of a merge), for a service that keeps more of it than the shared projection
 * (the marketing service: names, tags, custom fields). Runs before the projection stores it.
 */
export type SnapshotHook = (snapshot: ContactSnapshot, ctx: LifecycleEventContext) => Promise<void>;

export interface LifecycleConsumerOptions {
  kafka: Kafka;
  /** For the dead-letter topic. */
  producer: EventProducer;
  logger: Logger;
  /** The service's group on kith.contact.v1, e.g. 'transaction-contact-lifecycle'. */
  groupId: string;
  topicPrefix?: string;
}

export class ContactLifecycle {
  readonly store: ContactProjectionStore;
  private readonly merged: MergedHook[] = [];
  private readonly erased: ErasedHook[] = [];
  private readonly snapshots: SnapshotHook[] = [];

  constructor(private readonly db: Db) {
    this.store = new ContactProjectionStore(db);
  }

  /**
   * Move the victim's records to the survivor. Runs before the victim's tombstone is stored,
   * so a projection that says `merged` means the hooks have run.
   */
  onMerged(hook: MergedHook): this {
    this.merged.push(hook);
    return this;
  }

  /** Remove or anonymise what is held about the contact; runs before `erased` is stored. */
  onErased(hook: ErasedHook): this {
    this.erased.push(hook);
    return this;
  }

  /** Keep what else the service needs of each contact state (idempotent, like every hook). */
  onSnapshot(hook: SnapshotHook): this {
    this.snapshots.push(hook);
    return this;
  }

  private async snapshotHooks(snapshot: ContactSnapshot, eventId: string): Promise<void> {
    const ctx = { tenantId: snapshot.tenantId, eventId };
    for (const hook of this.snapshots) await hook(snapshot, ctx);
  }

  /** The handlers by event type, for a ConsumerRunner the service builds itself. */
  handlers(): Record<string, EventHandler> {
    const snapshotOf =
      (type: (typeof SNAPSHOT_EVENTS)[number]): EventHandler =>
      async (event) => {
        const { contact } = parseEventData(type, event.data);
        await this.snapshotHooks(contact, event.id);
        await this.store.put(projectSnapshot(contact));
      };
    const householdOf =
      (type: (typeof HOUSEHOLD_EVENTS)[number]): EventHandler =>
      async (event) => {
        const { household } = parseEventData(type, event.data);
        await this.putHousehold(household);
      };
    return {
      ...Object.fromEntries(SNAPSHOT_EVENTS.map((type) => [type, snapshotOf(type)])),
      ...Object.fromEntries(HOUSEHOLD_EVENTS.map((type) => [type, householdOf(type)])),
      [EVENT_TYPES.contactMerged]: async (event) => {
        const data = parseEventData(EVENT_TYPES.contactMerged, event.data);
        await this.snapshotHooks(data.contact, event.id);
        await this.store.put(projectSnapshot(data.contact));
        const victim = data.victim
          ? projectSnapshot(data.victim)
          : projectVictim(
              { tenantId: event.tenantId, victimId: data.victimId, survivorId: data.survivorId },
              await this.store.latest(event.tenantId, data.victimId),
            );
        const ctx = { tenantId: event.tenantId, eventId: event.id };
        for (const hook of this.merged) await hook(data.victimId, data.survivorId, ctx);
        if (data.victim) await this.snapshotHooks(data.victim, event.id);
        // After the hooks: a projection that says merged means the records moved.
        await this.store.put(victim);
      },
      [EVENT_TYPES.contactErased]: async (event) => {
        const data = parseEventData(EVENT_TYPES.contactErased, event.data);
        const ctx = { tenantId: data.tenantId, eventId: event.id };
        for (const hook of this.erased) await hook(data.contactId, ctx);
        // After the hooks: a projection that says erased means the service forgot the person.
        const before = await this.store.latest(data.tenantId, data.contactId);
        await this.store.put(projectErasure(data, before));
      },
    };
  }

  /** The consumer group that keeps the projection and runs the hooks. */
  consumer(opts: LifecycleConsumerOptions): ConsumerRunner {
    return new ConsumerRunner({
      kafka: opts.kafka,
      db: this.db,
      groupId: opts.groupId,
      topics: [TOPICS.contact],
      ...(opts.topicPrefix ? { topicPrefix: opts.topicPrefix } : {}),
      handlers: this.handlers(),
      producer: opts.producer,
      logger: opts.logger,
      dedupe: 'handler',
    });
  }

  private async putHousehold(household: HouseholdSnapshot): Promise<void> {
    await this.store.putHousehold(
      household.tenantId,
      household.id,
      household.version,
      projectHouseholdPlaces(household),
    );
  }
}
