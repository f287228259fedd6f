// Re-exports of the generated kith.contact.v1 import types under short names.
export type {
  ContactImport,
  ContactImport__Output,
} from './generated/kith/contact/v1/ContactImport';
export type { ImportCell, ImportCell__Output } from './generated/kith/contact/v1/ImportCell';
export type { ImportRow, ImportRow__Output } from './generated/kith/contact/v1/ImportRow';
export type {
  ImportFieldError,
  ImportFieldError__Output,
} from './generated/kith/contact/v1/ImportFieldError';
export type {
  ImportRowOutcome,
  ImportRowOutcome__Output,
} from './generated/kith/contact/v1/ImportRowOutcome';
export type {
  ImportRowError,
  ImportRowError__Output,
} from './generated/kith/contact/v1/ImportRowError';
export type {
  StartContactImportRequest,
  StartContactImportRequest__Output,
} from './generated/kith/contact/v1/StartContactImportRequest';
export type {
  StartContactImportResponse,
  StartContactImportResponse__Output,
} from './generated/kith/contact/v1/StartContactImportResponse';
export type {
  ImportContactRowsRequest,
  ImportContactRowsRequest__Output,
} from './generated/kith/contact/v1/ImportContactRowsRequest';
export type {
  ImportContactRowsResponse,
  ImportContactRowsResponse__Output,
} from './generated/kith/contact/v1/ImportContactRowsResponse';
export type {
  FinishContactImportRequest,
  FinishContactImportRequest__Output,
} from './generated/kith/contact/v1/FinishContactImportRequest';
export type {
  FinishContactImportResponse,
  FinishContactImportResponse__Output,
} from './generated/kith/contact/v1/FinishContactImportResponse';
export type {
  GetContactImportRequest,
  GetContactImportRequest__Output,
} from './generated/kith/contact/v1/GetContactImportRequest';
export type {
  GetContactImportResponse,
  GetContactImportResponse__Output,
} from './generated/kith/contact/v1/GetContactImportResponse';
export type {
  ListContactImportErrorsRequest,
  ListContactImportErrorsRequest__Output,
} from './generated/kith/contact/v1/ListContactImportErrorsRequest';
export type {
  ListContactImportErrorsResponse,
  ListContactImportErrorsResponse__Output,
} from './generated/kith/contact/v1/ListContactImportErrorsResponse';
export type {
  DuplicateAction,
  DuplicateAction__Output,
} from './generated/kith/contact/v1/DuplicateAction';
export type {
  ImportRowStatus,
  ImportRowStatus__Output,
} from './generated/kith/contact/v1/ImportRowStatus';
export type {
  ContactImportServiceClient,
  ContactImportServiceHandlers,
} from './generated/kith/contact/v1/ContactImportService';
