// Contracts generated from proto/ at build time (`pnpm --filter @kith/contracts generate`:
// the types, and the short-name barrels over them) plus the loader options that match how
// the types were generated, and the input rules both edges share (field-rules.ts,
// field-limits.ts, field-vocabulary.ts).
import path from 'node:path';
import type { Options } from '@grpc/proto-loader';

// contactV1, householdV1, ... and the <File>ProtoGrpcType types, written from proto/ by
// scripts/barrels.mjs (part of `generate`).
export * from './generated';
export {
  COUNTRY_CODE_MESSAGE,
  COUNTRY_CODE_DOCUMENT_PATTERN,
  COUNTRY_CODE_PATTERN,
  CUSTOM_FIELD_KEY_PATTERN,
  CUSTOM_FIELD_KEY_SYNTAX,
  EMAIL_ADDRESS_DOCUMENT_PATTERN,
  EMAIL_ADDRESS_PATTERN,
  MATCHING_RULE_NAME_PATTERN,
  NON_BLANK_TEXT_PATTERN,
  PHONE_NUMBER_CHARACTERS,
  PHONE_NUMBER_DOCUMENT_PATTERN,
  RELATIONSHIP_TYPE_CODE_PATTERN,
  TEXT_PATTERN,
  TRIMMED_SPACE,
  freeTextProblem,
  isCountryCode,
  textProblem,
} from './field-rules';
export {
  CONSENT_FIELD_LIMITS,
  CONTACT_FIELD_LIMITS,
  CONTACT_IMPORT_LIMITS,
  CUSTOM_FIELD_LIMITS,
  DONATION_FIELD_LIMITS,
  HOUSEHOLD_FIELD_LIMITS,
  INTERACTION_FIELD_LIMITS,
  MATCHING_RULE_LIMITS,
  POSTAL_ADDRESS_LIMITS,
  RELATIONSHIP_FIELD_LIMITS,
} from './field-limits';
export {
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
  CUSTOM_FIELD_RECORD_TYPES,
  CUSTOM_FIELD_TYPES,
  DONATION_STATUSES,
  MATCH_FIELDS,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  SOFT_CREDIT_TYPES,
  TIMELINE_ENTRY_KINDS,
  TRIBUTE_TYPES,
} from './field-vocabulary';
export {
  CURRENCY_CODE_LIST,
  CURRENCY_CODE_MESSAGE,
  MONEY_LIMITS,
  amountMinorFromInt64,
  amountMinorProblem,
  currencyExponent,
  isCurrencyCode,
} from './money-rules';

/**
 * ErrorInfo reasons the contact service's errors carry (@kith/grpc-kit's ErrorInfo trailer);
 * contact.proto says which calls send which, with what metadata.
 */
export const CONTACT_ERROR_REASONS = {
  /**
   * NOT_FOUND of a merge victim, FAILED_PRECONDITION of a merge whose victim went elsewhere;
   * metadata `survivorId`.
   */
  merged: 'CONTACT_MERGED',
  /** ABORTED because another request holds the record for a moment (a merge): send it again. */
  busy: 'CONTACT_BUSY',
} as const;
export type ContactErrorReason = (typeof CONTACT_ERROR_REASONS)[keyof typeof CONTACT_ERROR_REASONS];

/** Folder holding `kith/<service>/v1/*.proto`. */
export const PROTO_ROOT = path.resolve(__dirname, '../../../proto');

/** Must match the flags of the `generate` script, or the generated types lie. */
export const PROTO_LOADER_OPTIONS: Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};

/** kith.common.v1: Money, PostalAddress and paging, for services to use instead of another's. */
export const COMMON_MONEY_PROTO = 'kith/common/v1/money.proto';
export const COMMON_ADDRESS_PROTO = 'kith/common/v1/address.proto';
export const COMMON_PAGING_PROTO = 'kith/common/v1/paging.proto';

export const CONTACT_PROTO = 'kith/contact/v1/contact.proto';
export const CUSTOM_FIELD_PROTO = 'kith/contact/v1/custom_field.proto';

/** HouseholdService; served by the contact service process next to ContactService. */
export const HOUSEHOLD_PROTO = 'kith/contact/v1/household.proto';
export const RELATIONSHIP_PROTO = 'kith/contact/v1/relationship.proto';

/** kith.privacy.v1.PersonalDataService: the subject-access contract every service serves. */
export const PERSONAL_DATA_PROTO = 'kith/privacy/v1/personal_data.proto';
/** ContactPrivacyService (erasure); served by the contact service process. */
export const CONTACT_PRIVACY_PROTO = 'kith/contact/v1/contact_privacy.proto';
/** DuplicateService: matching rules, duplicates, merge; served next to ContactService. */
export const DUPLICATE_PROTO = 'kith/contact/v1/duplicate.proto';
/** ContactImportService (bulk import jobs); served by the contact service process. */
export const CONTACT_IMPORT_PROTO = 'kith/contact/v1/contact_import.proto';

/** InteractionService: what happened with whom; served by the interaction service process. */
export const INTERACTION_PROTO = 'kith/interaction/v1/interaction.proto';

/** kith.transaction.v1.DonationService: gifts, soft credits, refunds, giving summaries. */
export const DONATION_PROTO = 'kith/transaction/v1/donation.proto';

/** kith.analytics.v1.AnalyticsService: dashboards, settings, rebuilds of the read model. */
export const ANALYTICS_PROTO = 'kith/analytics/v1/analytics.proto';
export {
  ACTIVITY_TYPES,
  GIVING_MEASURES,
  PROFILE_FIELDS,
  SEGMENT_CHANNELS,
  SEGMENT_LIMITS,
  SegmentConditionSchema,
  definitionNeeds,
  segmentDefinitionJsonSchema,
  type ActivityCondition,
  type CustomFieldCondition,
  type FieldCondition,
  type GivingCondition,
  type ProfileField,
  type SegmentCondition,
  type WindowSpec,
} from './segment-language';
export {
  parseSegmentDefinition,
  validateSegmentDefinition,
  type ParsedDefinition,
  type SegmentFieldError,
} from './segment-language-validation';

export { MERGE_FIELDS, MERGE_TAG_SOURCE, TEMPLATE_PATTERN, type MergeField } from './merge-fields';

/** kith.marketing.v1 SegmentService and CampaignService; served by the marketing service. */
export const MARKETING_PROTO = 'kith/marketing/v1/marketing.proto';
