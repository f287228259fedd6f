// Re-exports of the generated kith.privacy.v1 (subject access) and kith.contact.v1 erasure
// types under short names.
export type {
  PersonalDataServiceClient,
  PersonalDataServiceHandlers,
} from './generated/kith/privacy/v1/PersonalDataService';
export type {
  ExportPersonalDataRequest,
  ExportPersonalDataRequest__Output,
} from './generated/kith/privacy/v1/ExportPersonalDataRequest';
export type {
  ExportPersonalDataResponse,
  ExportPersonalDataResponse__Output,
} from './generated/kith/privacy/v1/ExportPersonalDataResponse';
export type {
  PersonalDataSection,
  PersonalDataSection__Output,
} from './generated/kith/privacy/v1/PersonalDataSection';
export type {
  ContactPrivacyServiceClient,
  ContactPrivacyServiceHandlers,
} from './generated/kith/contact/v1/ContactPrivacyService';
export type {
  EraseContactRequest,
  EraseContactRequest__Output,
} from './generated/kith/contact/v1/EraseContactRequest';
export type {
  EraseContactResponse,
  EraseContactResponse__Output,
} from './generated/kith/contact/v1/EraseContactResponse';
