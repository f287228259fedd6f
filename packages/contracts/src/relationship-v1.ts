// Re-exports of the generated kith.contact.v1 RelationshipService types under short names.
export type {
  ContactRelationship,
  ContactRelationship__Output,
} from './generated/kith/contact/v1/ContactRelationship';
export type {
  CreateRelationshipRequest,
  CreateRelationshipRequest__Output,
} from './generated/kith/contact/v1/CreateRelationshipRequest';
export type {
  CreateRelationshipResponse,
  CreateRelationshipResponse__Output,
} from './generated/kith/contact/v1/CreateRelationshipResponse';
export type {
  DeleteRelationshipRequest,
  DeleteRelationshipRequest__Output,
} from './generated/kith/contact/v1/DeleteRelationshipRequest';
export type {
  DeleteRelationshipResponse,
  DeleteRelationshipResponse__Output,
} from './generated/kith/contact/v1/DeleteRelationshipResponse';
export type {
  GetRelationshipRequest,
  GetRelationshipRequest__Output,
} from './generated/kith/contact/v1/GetRelationshipRequest';
export type {
  GetRelationshipResponse,
  GetRelationshipResponse__Output,
} from './generated/kith/contact/v1/GetRelationshipResponse';
export type {
  ListContactRelationshipsRequest,
  ListContactRelationshipsRequest__Output,
} from './generated/kith/contact/v1/ListContactRelationshipsRequest';
export type {
  ListContactRelationshipsResponse,
  ListContactRelationshipsResponse__Output,
} from './generated/kith/contact/v1/ListContactRelationshipsResponse';
export type {
  ListRelationshipTypesRequest,
  ListRelationshipTypesRequest__Output,
} from './generated/kith/contact/v1/ListRelationshipTypesRequest';
export type {
  ListRelationshipTypesResponse,
  ListRelationshipTypesResponse__Output,
} from './generated/kith/contact/v1/ListRelationshipTypesResponse';
export type { Relationship, Relationship__Output } from './generated/kith/contact/v1/Relationship';
export type {
  RelationshipFields,
  RelationshipFields__Output,
} from './generated/kith/contact/v1/RelationshipFields';
export type {
  RelationshipSide,
  RelationshipSide__Output,
} from './generated/kith/contact/v1/RelationshipSide';
export type {
  RelationshipType,
  RelationshipType__Output,
} from './generated/kith/contact/v1/RelationshipType';
export type {
  UpdateRelationshipRequest,
  UpdateRelationshipRequest__Output,
} from './generated/kith/contact/v1/UpdateRelationshipRequest';
export type {
  UpdateRelationshipResponse,
  UpdateRelationshipResponse__Output,
} from './generated/kith/contact/v1/UpdateRelationshipResponse';
export type {
  UpsertRelationshipTypeRequest,
  UpsertRelationshipTypeRequest__Output,
} from './generated/kith/contact/v1/UpsertRelationshipTypeRequest';
export type {
  UpsertRelationshipTypeResponse,
  UpsertRelationshipTypeResponse__Output,
} from './generated/kith/contact/v1/UpsertRelationshipTypeResponse';
export type {
  RelationshipServiceClient,
  RelationshipServiceHandlers,
} from './generated/kith/contact/v1/RelationshipService';
