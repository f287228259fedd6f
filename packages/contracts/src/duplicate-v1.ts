// Re-exports of the generated kith.contact.v1 duplicate types under short names.
export type { MatchingRule, MatchingRule__Output } from './generated/kith/contact/v1/MatchingRule';
export type {
  MatchingRules,
  MatchingRules__Output,
} from './generated/kith/contact/v1/MatchingRules';
export type {
  GetMatchingRulesRequest,
  GetMatchingRulesRequest__Output,
} from './generated/kith/contact/v1/GetMatchingRulesRequest';
export type {
  GetMatchingRulesResponse,
  GetMatchingRulesResponse__Output,
} from './generated/kith/contact/v1/GetMatchingRulesResponse';
export type {
  PutMatchingRulesRequest,
  PutMatchingRulesRequest__Output,
} from './generated/kith/contact/v1/PutMatchingRulesRequest';
export type {
  PutMatchingRulesResponse,
  PutMatchingRulesResponse__Output,
} from './generated/kith/contact/v1/PutMatchingRulesResponse';
export type {
  DuplicateContact,
  DuplicateContact__Output,
} from './generated/kith/contact/v1/DuplicateContact';
export type {
  DuplicateMatch,
  DuplicateMatch__Output,
} from './generated/kith/contact/v1/DuplicateMatch';
export type {
  DuplicatePair,
  DuplicatePair__Output,
} from './generated/kith/contact/v1/DuplicatePair';
export type {
  ListDuplicatesRequest,
  ListDuplicatesRequest__Output,
} from './generated/kith/contact/v1/ListDuplicatesRequest';
export type {
  ListDuplicatesResponse,
  ListDuplicatesResponse__Output,
} from './generated/kith/contact/v1/ListDuplicatesResponse';
export type {
  ScanDuplicatesRequest,
  ScanDuplicatesRequest__Output,
} from './generated/kith/contact/v1/ScanDuplicatesRequest';
export type {
  ScanDuplicatesResponse,
  ScanDuplicatesResponse__Output,
} from './generated/kith/contact/v1/ScanDuplicatesResponse';
export type {
  MergeContactsRequest,
  MergeContactsRequest__Output,
} from './generated/kith/contact/v1/MergeContactsRequest';
export type {
  MergeContactsResponse,
  MergeContactsResponse__Output,
} from './generated/kith/contact/v1/MergeContactsResponse';
export type {
  DuplicateServiceClient,
  DuplicateServiceHandlers,
} from './generated/kith/contact/v1/DuplicateService';
