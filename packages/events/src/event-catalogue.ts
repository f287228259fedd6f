// The one list of event types: topic, meaning, schema and key. Docs (JSON Schema, AsyncAPI) are
// generated from it, and consumers validate incoming data against it.
import type { z } from 'zod';
import {
  ContactConsentChangedDataSchema,
  ContactCreatedDataSchema,
  ContactDeletedDataSchema,
  ContactUpdatedDataSchema,
} from './contact-events.schema';
import { ContactImportFinishedDataSchema } from './contact-import-events.schema';
import {
  ContactMergedDataSchema,
  MatchingRulesChangedDataSchema,
} from './contact-merge-events.schema';
import {
  CustomFieldArchivedDataSchema,
  CustomFieldDefinedDataSchema,
} from './custom-field-events.schema';
import {
  InteractionCreatedDataSchema,
  InteractionDeletedDataSchema,
  InteractionUpdatedDataSchema,
} from './interaction-events.schema';
import { ContactErasedDataSchema } from './privacy-events.schema';
import {
  HouseholdCreatedDataSchema,
  HouseholdDeletedDataSchema,
  HouseholdUpdatedDataSchema,
} from './household-events.schema';
import {
  RelationshipCreatedDataSchema,
  RelationshipDeletedDataSchema,
  RelationshipTypeChangedDataSchema,
  RelationshipUpdatedDataSchema,
} from './relationship-events.schema';
import {
  DonationCreatedDataSchema,
  DonationRefundedDataSchema,
  DonationUpdatedDataSchema,
} from './transaction-events.schema';
import {
  AnalyticsRebuildCompletedDataSchema,
  AnalyticsRebuildStartedDataSchema,
  AnalyticsSettingsChangedDataSchema,
} from './analytics-events.schema';
import { MARKETING_EVENT_TYPES, marketingCatalogue } from './marketing-catalogue';
import { TOPICS } from './topics';

export interface CatalogueEntry<S extends z.ZodType = z.ZodType> {
  topic: string;
  description: string;
  schema: S;
  /** What the Kafka key (and CloudEvents subject) is; it orders events of one aggregate. */
  key: string;
}

export const CONTACT_SOURCE = 'kith/contact';
export const INTERACTION_SOURCE = 'kith/interaction';
export const TRANSACTION_SOURCE = 'kith/transaction';
export const ANALYTICS_SOURCE = 'kith/analytics';
export { MARKETING_SOURCE } from './marketing-catalogue';

export const EVENT_TYPES = {
  contactCreated: 'kith.contact.created.v1',
  contactUpdated: 'kith.contact.updated.v1',
  contactDeleted: 'kith.contact.deleted.v1',
  contactConsentChanged: 'kith.contact.consent-changed.v1',
  contactErased: 'kith.contact.erased.v1',
  contactMerged: 'kith.contact.merged.v1',
  matchingRulesChanged: 'kith.matching-rules.changed.v1',
  contactImportFinished: 'kith.contact-import.finished.v1',
  customFieldDefined: 'kith.custom-field.defined.v1',
  customFieldArchived: 'kith.custom-field.archived.v1',
  householdCreated: 'kith.household.created.v1',
  householdUpdated: 'kith.household.updated.v1',
  householdDeleted: 'kith.household.deleted.v1',
  relationshipCreated: 'kith.relationship.created.v1',
  relationshipUpdated: 'kith.relationship.updated.v1',
  relationshipDeleted: 'kith.relationship.deleted.v1',
  relationshipTypeChanged: 'kith.relationship-type.changed.v1',
  interactionCreated: 'kith.interaction.created.v1',
  interactionUpdated: 'kith.interaction.updated.v1',
  interactionDeleted: 'kith.interaction.deleted.v1',
  donationCreated: 'kith.donation.created.v1',
  donationUpdated: 'kith.donation.updated.v1',
  donationRefunded: 'kith.donation.refunded.v1',
  analyticsSettingsChanged: 'kith.analytics.settings-changed.v1',
  analyticsRebuildStarted: 'kith.analytics.rebuild.started.v1',
  analyticsRebuildCompleted: 'kith.analytics.rebuild.completed.v1',
  ...MARKETING_EVENT_TYPES,
} as const;

export const eventCatalogue = {
  [EVENT_TYPES.contactCreated]: {
    topic: TOPICS.contact,
    description: 'A contact (person or organization) was created.',
    schema: ContactCreatedDataSchema,
    key: 'contact id',
  },
  [EVENT_TYPES.contactUpdated]: {
    topic: TOPICS.contact,
    description:
      "A contact changed; carries the full new state and the changed fields. Also published when a person's inherited household address (householdAddress) changes, so mail reachability follows the household.",
    schema: ContactUpdatedDataSchema,
    key: 'contact id',
  },
  [EVENT_TYPES.contactDeleted]: {
    topic: TOPICS.contact,
    description: 'A contact was soft-deleted; carries its last state with deletedAt set.',
    schema: ContactDeletedDataSchema,
    key: 'contact id',
  },
  [EVENT_TYPES.contactConsentChanged]: {
    topic: TOPICS.contact,
    description:
      'A communication preference was recorded for a channel (opt-in, opt-out or unknown, with source, time and wording); carries the new state and reachability.',
    schema: ContactConsentChangedDataSchema,
    key: 'contact id',
  },
  [EVENT_TYPES.contactErased]: {
    topic: TOPICS.contact,
    description:
      'A person was erased (GDPR right to erasure): the contact service anonymised the record; ' +
      'every service must now remove or anonymise what it holds about the contact. Carries no ' +
      'personal data. See docs/privacy.md.',
    schema: ContactErasedDataSchema,
    key: 'contact id',
  },
  [EVENT_TYPES.contactMerged]: {
    topic: TOPICS.contact,
    description:
      'Two contacts were merged: the survivor absorbed the victim (lists unioned, scalars chosen ' +
      'per field) and the victim is a tombstone pointing at it. Every service re-points the ' +
      "victim's records to the survivor. Carries the survivor's new state.",
    schema: ContactMergedDataSchema,
    key: 'survivor contact id',
  },
  [EVENT_TYPES.matchingRulesChanged]: {
    topic: TOPICS.contact,
    description: "A tenant's duplicate-matching rules (fields, weights, threshold) were replaced.",
    schema: MatchingRulesChangedDataSchema,
    key: 'tenant id',
  },
  [EVENT_TYPES.contactImportFinished]: {
    topic: TOPICS.contact,
    description:
      'A CSV import finished: no more rows are accepted. Carries the counts (rows, created, ' +
      'updated, skipped, failed); each created or updated contact published its own event.',
    schema: ContactImportFinishedDataSchema,
    key: 'import job id',
  },
  [EVENT_TYPES.customFieldDefined]: {
    topic: TOPICS.contact,
    description:
      'A custom field definition was created or changed; carries the full definition and ' +
      'what changed.',
    schema: CustomFieldDefinedDataSchema,
    key: 'custom field id (<tenantId>:<recordType>:<key>)',
  },
  [EVENT_TYPES.customFieldArchived]: {
    topic: TOPICS.contact,
    description:
      'A custom field was archived: stored values stay, new values are refused. Carries ' +
      'the last definition.',
    schema: CustomFieldArchivedDataSchema,
    key: 'custom field id (<tenantId>:<recordType>:<key>)',
  },
  [EVENT_TYPES.householdCreated]: {
    topic: TOPICS.contact,
    description: 'A household was created (names generated, no members yet).',
    schema: HouseholdCreatedDataSchema,
    key: 'household id',
  },
  [EVENT_TYPES.householdUpdated]: {
    topic: TOPICS.contact,
    description:
      'A household changed: overrides, mailing address, a member joined or left, or a ' +
      "member's snapshot was refreshed (renamed, or marked deceased); carries the full new state, the changed fields " +
      'and the member changes.',
    schema: HouseholdUpdatedDataSchema,
    key: 'household id',
  },
  [EVENT_TYPES.householdDeleted]: {
    topic: TOPICS.contact,
    description: 'A household was soft-deleted; every current member left with it.',
    schema: HouseholdDeletedDataSchema,
    key: 'household id',
  },
  [EVENT_TYPES.relationshipCreated]: {
    topic: TOPICS.contact,
    description:
      'A relationship between two contacts was created (one record; each side reads its own label).',
    schema: RelationshipCreatedDataSchema,
    key: 'relationship id',
  },
  [EVENT_TYPES.relationshipUpdated]: {
    topic: TOPICS.contact,
    description:
      'A relationship changed (dates, description; ending it sets endDate); full new state.',
    schema: RelationshipUpdatedDataSchema,
    key: 'relationship id',
  },
  [EVENT_TYPES.relationshipDeleted]: {
    topic: TOPICS.contact,
    description: 'A relationship was soft-deleted; carries its last state with deletedAt set.',
    schema: RelationshipDeletedDataSchema,
    key: 'relationship id',
  },
  [EVENT_TYPES.relationshipTypeChanged]: {
    topic: TOPICS.contact,
    description:
      "A tenant's relationship type catalogue changed: a type was added, relabelled, deactivated or reactivated.",
    schema: RelationshipTypeChangedDataSchema,
    key: 'tenant id and type code, "<tenantId>:<code>"',
  },
  [EVENT_TYPES.interactionCreated]: {
    topic: TOPICS.interaction,
    description:
      'An interaction (email, call, meeting, letter, sms, note, social, in person) was logged ' +
      'or an email ingested. Carries who, when and what kind, never the subject, body or mail ' +
      'addresses (read those from InteractionService; an erasure removes them there).',
    schema: InteractionCreatedDataSchema,
    key: 'interaction id',
  },
  [EVENT_TYPES.interactionUpdated]: {
    topic: TOPICS.interaction,
    description:
      'An interaction changed: edited, its participants re-pointed after a contact merge, or ' +
      'an erased person removed (then hasSubject/hasBody may turn false). New state and the ' +
      'changed fields, without free text.',
    schema: InteractionUpdatedDataSchema,
    key: 'interaction id',
  },
  [EVENT_TYPES.interactionDeleted]: {
    topic: TOPICS.interaction,
    description: 'An interaction was soft-deleted; carries its last state with deletedAt set.',
    schema: InteractionDeletedDataSchema,
    key: 'interaction id',
  },
  [EVENT_TYPES.donationCreated]: {
    topic: TOPICS.transaction,
    description:
      'A donation was recorded, with its soft credits (household members credited ' +
      'automatically). Carries the full state; pending and failed gifts too.',
    schema: DonationCreatedDataSchema,
    key: 'donation id',
  },
  [EVENT_TYPES.donationUpdated]: {
    topic: TOPICS.transaction,
    description:
      'A donation changed: its payment status, details or soft credits, a merge re-pointed ' +
      'its donor or credits, or an erasure removed its donor (donorId absent). Full new state.',
    schema: DonationUpdatedDataSchema,
    key: 'donation id',
  },
  [EVENT_TYPES.donationRefunded]: {
    topic: TOPICS.transaction,
    description:
      'Part or all of a donation was refunded; carries the refund and the new state ' +
      '(refundedMinor, status partially_refunded or refunded).',
    schema: DonationRefundedDataSchema,
    key: 'donation id',
  },
  [EVENT_TYPES.analyticsSettingsChanged]: {
    topic: TOPICS.analytics,
    description:
      "A tenant's analytics settings changed (the month its fiscal year starts in); dashboards " +
      'group by the new fiscal year at once, without a replay.',
    schema: AnalyticsSettingsChangedDataSchema,
    key: 'tenant id',
  },
  [EVENT_TYPES.analyticsRebuildStarted]: {
    topic: TOPICS.analytics,
    description:
      "An admin started rebuilding the tenant's analytics read model from offset 0 into a new " +
      'version; the current version keeps serving until the new one has caught up.',
    schema: AnalyticsRebuildStartedDataSchema,
    key: 'tenant id',
  },
  [EVENT_TYPES.analyticsRebuildCompleted]: {
    topic: TOPICS.analytics,
    description:
      'A rebuild caught up with the live consumer and the new read model version now serves ' +
      'dashboards (switched in one document write); the old version is dropped.',
    schema: AnalyticsRebuildCompletedDataSchema,
    key: 'tenant id',
  },
  ...marketingCatalogue,
} satisfies Record<string, CatalogueEntry>;

export type EventType = keyof typeof eventCatalogue;

/** The donation events that carry the gift's whole state (every kith.donation.*.v1). */
export const DONATION_SNAPSHOT_EVENTS = [
  EVENT_TYPES.donationCreated,
  EVENT_TYPES.donationUpdated,
  EVENT_TYPES.donationRefunded,
] as const;
export type EventData<T extends EventType> = z.infer<(typeof eventCatalogue)[T]['schema']>;
