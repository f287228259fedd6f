// Re-exports of the generated kith.contact.v1 custom field types under short names.
export type { CustomField, CustomField__Output } from './generated/kith/contact/v1/CustomField';
export type {
  CustomFieldOption,
  CustomFieldOption__Output,
} from './generated/kith/contact/v1/CustomFieldOption';
export type {
  CustomFieldSpec,
  CustomFieldSpec__Output,
} from './generated/kith/contact/v1/CustomFieldSpec';
export type {
  CustomFieldValidation,
  CustomFieldValidation__Output,
} from './generated/kith/contact/v1/CustomFieldValidation';
export type {
  ListCustomFieldsRequest,
  ListCustomFieldsRequest__Output,
} from './generated/kith/contact/v1/ListCustomFieldsRequest';
export type {
  ListCustomFieldsResponse,
  ListCustomFieldsResponse__Output,
} from './generated/kith/contact/v1/ListCustomFieldsResponse';
export type {
  GetCustomFieldRequest,
  GetCustomFieldRequest__Output,
} from './generated/kith/contact/v1/GetCustomFieldRequest';
export type {
  GetCustomFieldResponse,
  GetCustomFieldResponse__Output,
} from './generated/kith/contact/v1/GetCustomFieldResponse';
export type {
  CreateCustomFieldRequest,
  CreateCustomFieldRequest__Output,
} from './generated/kith/contact/v1/CreateCustomFieldRequest';
export type {
  CreateCustomFieldResponse,
  CreateCustomFieldResponse__Output,
} from './generated/kith/contact/v1/CreateCustomFieldResponse';
export type {
  UpdateCustomFieldRequest,
  UpdateCustomFieldRequest__Output,
} from './generated/kith/contact/v1/UpdateCustomFieldRequest';
export type {
  UpdateCustomFieldResponse,
  UpdateCustomFieldResponse__Output,
} from './generated/kith/contact/v1/UpdateCustomFieldResponse';
export type {
  ArchiveCustomFieldRequest,
  ArchiveCustomFieldRequest__Output,
} from './generated/kith/contact/v1/ArchiveCustomFieldRequest';
export type {
  ArchiveCustomFieldResponse,
  ArchiveCustomFieldResponse__Output,
} from './generated/kith/contact/v1/ArchiveCustomFieldResponse';
export type {
  CustomFieldServiceClient,
  CustomFieldServiceHandlers,
} from './generated/kith/contact/v1/CustomFieldService';
