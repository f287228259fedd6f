// Re-exports of the generated kith.contact.v1 types under short names.
export type { Contact, Contact__Output } from './generated/kith/contact/v1/Contact';
export type {
  ContactFields,
  ContactFields__Output,
} from './generated/kith/contact/v1/ContactFields';
export type { ContactKind, ContactKind__Output } from './generated/kith/contact/v1/ContactKind';
export type { Email, Email__Output } from './generated/kith/contact/v1/Email';
export type { Phone, Phone__Output } from './generated/kith/contact/v1/Phone';
export type { PersonName, PersonName__Output } from './generated/kith/contact/v1/PersonName';
export type {
  OrganizationProfile,
  OrganizationProfile__Output,
} from './generated/kith/contact/v1/OrganizationProfile';
export type {
  ContactServiceClient,
  ContactServiceHandlers,
} from './generated/kith/contact/v1/ContactService';
export type {
  CreateContactRequest,
  CreateContactRequest__Output,
} from './generated/kith/contact/v1/CreateContactRequest';
export type {
  CreateContactResponse,
  CreateContactResponse__Output,
} from './generated/kith/contact/v1/CreateContactResponse';
export type {
  GetContactRequest,
  GetContactRequest__Output,
} from './generated/kith/contact/v1/GetContactRequest';
export type {
  GetContactResponse,
  GetContactResponse__Output,
} from './generated/kith/contact/v1/GetContactResponse';
export type {
  UpdateContactRequest,
  UpdateContactRequest__Output,
} from './generated/kith/contact/v1/UpdateContactRequest';
export type {
  UpdateContactResponse,
  UpdateContactResponse__Output,
} from './generated/kith/contact/v1/UpdateContactResponse';
export type {
  DeleteContactRequest,
  DeleteContactRequest__Output,
} from './generated/kith/contact/v1/DeleteContactRequest';
export type {
  DeleteContactResponse,
  DeleteContactResponse__Output,
} from './generated/kith/contact/v1/DeleteContactResponse';
export type {
  ListContactsRequest,
  ListContactsRequest__Output,
} from './generated/kith/contact/v1/ListContactsRequest';
export type {
  ListContactsResponse,
  ListContactsResponse__Output,
} from './generated/kith/contact/v1/ListContactsResponse';
export type {
  PostalAddress,
  PostalAddress__Output,
} from './generated/kith/contact/v1/PostalAddress';
export type {
  ConsentRecord,
  ConsentRecord__Output,
} from './generated/kith/contact/v1/ConsentRecord';
export type {
  ChannelReachability,
  ChannelReachability__Output,
} from './generated/kith/contact/v1/ChannelReachability';
export type {
  RecordConsentRequest,
  RecordConsentRequest__Output,
} from './generated/kith/contact/v1/RecordConsentRequest';
export type {
  RecordConsentResponse,
  RecordConsentResponse__Output,
} from './generated/kith/contact/v1/RecordConsentResponse';
export type {
  ListConsentHistoryRequest,
  ListConsentHistoryRequest__Output,
} from './generated/kith/contact/v1/ListConsentHistoryRequest';
export type {
  ListConsentHistoryResponse,
  ListConsentHistoryResponse__Output,
} from './generated/kith/contact/v1/ListConsentHistoryResponse';
export type { AuditEntry, AuditEntry__Output } from './generated/kith/contact/v1/AuditEntry';
export type { AuditChange, AuditChange__Output } from './generated/kith/contact/v1/AuditChange';
export type {
  ListContactAuditRequest,
  ListContactAuditRequest__Output,
} from './generated/kith/contact/v1/ListContactAuditRequest';
export type {
  ListContactAuditResponse,
  ListContactAuditResponse__Output,
} from './generated/kith/contact/v1/ListContactAuditResponse';
