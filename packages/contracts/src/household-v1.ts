// Re-exports of the generated kith.contact.v1 household types under short names.
export type { Household, Household__Output } from './generated/kith/contact/v1/Household';
export type {
  HouseholdMember,
  HouseholdMember__Output,
} from './generated/kith/contact/v1/HouseholdMember';
export type {
  PostalAddress,
  PostalAddress__Output,
} from './generated/kith/contact/v1/PostalAddress';
export type {
  HouseholdServiceClient,
  HouseholdServiceHandlers,
} from './generated/kith/contact/v1/HouseholdService';
export type {
  CreateHouseholdRequest,
  CreateHouseholdRequest__Output,
} from './generated/kith/contact/v1/CreateHouseholdRequest';
export type {
  CreateHouseholdResponse,
  CreateHouseholdResponse__Output,
} from './generated/kith/contact/v1/CreateHouseholdResponse';
export type {
  GetHouseholdRequest,
  GetHouseholdRequest__Output,
} from './generated/kith/contact/v1/GetHouseholdRequest';
export type {
  GetHouseholdResponse,
  GetHouseholdResponse__Output,
} from './generated/kith/contact/v1/GetHouseholdResponse';
export type {
  UpdateHouseholdRequest,
  UpdateHouseholdRequest__Output,
} from './generated/kith/contact/v1/UpdateHouseholdRequest';
export type {
  UpdateHouseholdResponse,
  UpdateHouseholdResponse__Output,
} from './generated/kith/contact/v1/UpdateHouseholdResponse';
export type {
  DeleteHouseholdRequest,
  DeleteHouseholdRequest__Output,
} from './generated/kith/contact/v1/DeleteHouseholdRequest';
export type {
  DeleteHouseholdResponse,
  DeleteHouseholdResponse__Output,
} from './generated/kith/contact/v1/DeleteHouseholdResponse';
export type {
  ListHouseholdsRequest,
  ListHouseholdsRequest__Output,
} from './generated/kith/contact/v1/ListHouseholdsRequest';
export type {
  ListHouseholdsResponse,
  ListHouseholdsResponse__Output,
} from './generated/kith/contact/v1/ListHouseholdsResponse';
export type {
  AddHouseholdMemberRequest,
  AddHouseholdMemberRequest__Output,
} from './generated/kith/contact/v1/AddHouseholdMemberRequest';
export type {
  AddHouseholdMemberResponse,
  AddHouseholdMemberResponse__Output,
} from './generated/kith/contact/v1/AddHouseholdMemberResponse';
export type {
  RemoveHouseholdMemberRequest,
  RemoveHouseholdMemberRequest__Output,
} from './generated/kith/contact/v1/RemoveHouseholdMemberRequest';
export type {
  RemoveHouseholdMemberResponse,
  RemoveHouseholdMemberResponse__Output,
} from './generated/kith/contact/v1/RemoveHouseholdMemberResponse';
export type {
  GetContactHouseholdRequest,
  GetContactHouseholdRequest__Output,
} from './generated/kith/contact/v1/GetContactHouseholdRequest';
export type {
  GetContactHouseholdResponse,
  GetContactHouseholdResponse__Output,
} from './generated/kith/contact/v1/GetContactHouseholdResponse';
