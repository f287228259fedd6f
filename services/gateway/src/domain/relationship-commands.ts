// Pure translation of validated REST input into RelationshipService requests. PATCH is a JSON
// merge patch: an absent key stays, null clears, a value replaces; each present key becomes
// one update_mask path, so the service changes exactly what the client sent.
import type { relationshipV1 } from '@kith/contracts';
import { snakeCase } from './contact-commands';

export interface CreateRelationshipInput {
  typeCode: string;
  contactAId: string;
  contactBId: string;
  startDate?: string | undefined;
  endDate?: string | undefined;
  description?: string | undefined;
}

export interface RelationshipPatch {
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  description?: string | null | undefined;
}

export interface CreateRelationshipTypeInput {
  code: string;
  labelAToB: string;
  labelBToA?: string | undefined;
  contactKindA: string;
  contactKindB: string;
  symmetric: boolean;
}

export interface RelationshipTypePatch {
  labelAToB?: string | undefined;
  labelBToA?: string | undefined;
  active?: boolean | undefined;
}

export interface ContactRelationshipFilters {
  typeCode?: string | undefined;
  includeInactive: boolean;
}

const PATCH_KEYS = ['startDate', 'endDate', 'description'] as const;
const TYPE_PATCH_KEYS = ['labelAToB', 'labelBToA', 'active'] as const;

export function createRelationshipRequest(
  input: CreateRelationshipInput,
): relationshipV1.CreateRelationshipRequest {
  return {
    typeCode: input.typeCode,
    contactAId: input.contactAId,
    contactBId: input.contactBId,
    fields: {
      startDate: input.startDate ?? '',
      endDate: input.endDate ?? '',
      description: input.description ?? '',
    },
  };
}

export function updateRelationshipRequest(
  id: string,
  expectedVersion: number,
  patch: RelationshipPatch,
): relationshipV1.UpdateRelationshipRequest {
  const fields: relationshipV1.RelationshipFields = {};
  const paths: string[] = [];
  for (const key of PATCH_KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    fields[key] = value ?? '';
    paths.push(snakeCase(key));
  }
  return { id, expectedVersion: String(expectedVersion), fields, updateMask: { paths } };
}

export function createRelationshipTypeRequest(
  input: CreateRelationshipTypeInput,
): relationshipV1.UpsertRelationshipTypeRequest {
  return {
    code: input.code,
    expectedVersion: '0',
    labelAToB: input.labelAToB,
    labelBToA: input.labelBToA ?? '',
    contactKindA: input.contactKindA,
    contactKindB: input.contactKindB,
    symmetric: input.symmetric,
  };
}

export function changeRelationshipTypeRequest(
  code: string,
  expectedVersion: number,
  patch: RelationshipTypePatch,
): relationshipV1.UpsertRelationshipTypeRequest {
  const req: relationshipV1.UpsertRelationshipTypeRequest = {
    code,
    expectedVersion: String(expectedVersion),
  };
  const paths: string[] = [];
  for (const key of TYPE_PATCH_KEYS) {
    if (patch[key] === undefined) continue;
    paths.push(snakeCase(key));
  }
  if (patch.labelAToB !== undefined) req.labelAToB = patch.labelAToB;
  if (patch.labelBToA !== undefined) req.labelBToA = patch.labelBToA;
  if (patch.active !== undefined) req.active = patch.active;
  return { ...req, updateMask: { paths } };
}

export function listContactRelationshipsRequest(
  contactId: string,
  contactKind: 'person' | 'organization',
  limit: number,
  pageToken: string,
  filters: ContactRelationshipFilters,
): relationshipV1.ListContactRelationshipsRequest {
  return {
    contactId,
    contactKind,
    pageSize: limit,
    pageToken,
    includeInactive: filters.includeInactive,
    typeCode: filters.typeCode ?? '',
  };
}
