// Contracts generated from proto/ at build time (`pnpm --filter @kith/contracts generate`)
// plus the loader options that match how the types were generated, and the input rules
// both edges share (field-rules.ts). Nothing else here is written by hand.
import path from 'node:path';
import type { Options } from '@grpc/proto-loader';

export type { ProtoGrpcType as ContactProtoGrpcType } from './generated/contact';
export type { ProtoGrpcType as CustomFieldProtoGrpcType } from './generated/custom_field';
export * as contactV1 from './contact-v1';
export * as customFieldV1 from './custom-field-v1';
export type { ProtoGrpcType as HouseholdProtoGrpcType } from './generated/household';
export * as householdV1 from './household-v1';
export type { ProtoGrpcType as RelationshipProtoGrpcType } from './generated/relationship';
export * as relationshipV1 from './relationship-v1';
export type { ProtoGrpcType as PersonalDataProtoGrpcType } from './generated/personal_data';
export type { ProtoGrpcType as ContactPrivacyProtoGrpcType } from './generated/contact_privacy';
export * as privacyV1 from './privacy-v1';
export type { ProtoGrpcType as DuplicateProtoGrpcType } from './generated/duplicate';
export * as duplicateV1 from './duplicate-v1';
export type { ProtoGrpcType as ContactImportProtoGrpcType } from './generated/contact_import';
export * as contactImportV1 from './contact-import-v1';
export { COUNTRY_CODE_MESSAGE, isCountryCode, textProblem } from './field-rules';

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
