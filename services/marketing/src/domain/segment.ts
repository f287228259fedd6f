// A segment: a saved, named audience definition. Its members are not stored: they are the
// contacts the definition matches when asked (count, members, a campaign's send). Decisions
// are pure: clock and ids passed in.
import type { DomainFieldError } from '@kith/errors';
import { SegmentError } from './marketing-error';
import type { SegmentCondition } from '@kith/contracts';
import { parseSegmentDefinition } from '@kith/contracts';

export interface Segment {
  id: string;
  tenantId: string;
  version: number;
  name: string;
  description?: string;
  definition: SegmentCondition;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

export type SegmentEvent =
  | { type: 'created'; segment: Segment; actorId: string }
  | { type: 'updated'; segment: Segment; actorId: string }
  | { type: 'deleted'; segment: Segment; actorId: string };

export interface SegmentDecision {
  segment: Segment;
  events: SegmentEvent[];
}

export const SEGMENT_TEXT_LIMITS = { name: 200, description: 2000 } as const;

function textProblems(input: { name?: string; description?: string }): DomainFieldError[] {
  const errors: DomainFieldError[] = [];
  if (input.name !== undefined) {
    if (input.name.trim() === '') errors.push({ field: 'name', message: 'is required' });
    else if (input.name.length > SEGMENT_TEXT_LIMITS.name) {
      errors.push({ field: 'name', message: `at most ${SEGMENT_TEXT_LIMITS.name} characters` });
    }
  }
  if (
    input.description !== undefined &&
    input.description.length > SEGMENT_TEXT_LIMITS.description
  ) {
    errors.push({
      field: 'description',
      message: `at most ${SEGMENT_TEXT_LIMITS.description} characters`,
    });
  }
  return errors;
}

function definitionOf(
  json: string | undefined,
  errors: DomainFieldError[],
): SegmentCondition | undefined {
  if (json === undefined) return undefined;
  const parsed = parseSegmentDefinition(json);
  if (parsed.ok) return parsed.definition;
  errors.push(...parsed.errors);
  return undefined;
}

export function decideCreateSegment(
  input: { name: string; description?: string; definitionJson: string },
  ctx: { id: string; tenantId: string; actorId: string; now: string },
): SegmentDecision {
  const errors = textProblems({
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
  });
  const definition = definitionOf(input.definitionJson, errors);
  if (errors.length > 0 || !definition) throw SegmentError.validation(errors);
  const segment: Segment = {
    id: ctx.id,
    tenantId: ctx.tenantId,
    version: 1,
    name: input.name.trim(),
    ...(input.description ? { description: input.description } : {}),
    definition,
    createdBy: ctx.actorId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { segment, events: [{ type: 'created', segment, actorId: ctx.actorId }] };
}

export function decideUpdateSegment(
  current: Segment,
  change: { expectedVersion: number; name?: string; description?: string; definitionJson?: string },
  ctx: { actorId: string; now: string },
): SegmentDecision {
  if (current.deletedAt) throw SegmentError.alreadyDeleted(current.id);
  if (change.expectedVersion !== current.version) {
    throw SegmentError.versionConflict(current.id, change.expectedVersion, current.version);
  }
  const errors = textProblems(change);
  const definition = definitionOf(change.definitionJson, errors);
  if (errors.length > 0) throw SegmentError.validation(errors);
  const { description: _old, ...rest } = current;
  const description = change.description ?? current.description;
  const segment: Segment = {
    ...rest,
    ...(description ? { description } : {}),
    version: current.version + 1,
    name: change.name?.trim() ?? current.name,
    definition: definition ?? current.definition,
    updatedAt: ctx.now,
  };
  return { segment, events: [{ type: 'updated', segment, actorId: ctx.actorId }] };
}

export function decideDeleteSegment(
  current: Segment,
  change: { expectedVersion: number },
  ctx: { actorId: string; now: string },
): SegmentDecision {
  if (current.deletedAt) throw SegmentError.alreadyDeleted(current.id);
  if (change.expectedVersion !== current.version) {
    throw SegmentError.versionConflict(current.id, change.expectedVersion, current.version);
  }
  const segment: Segment = {
    ...current,
    version: current.version + 1,
    updatedAt: ctx.now,
    deletedAt: ctx.now,
  };
  return { segment, events: [{ type: 'deleted', segment, actorId: ctx.actorId }] };
}

/** For a definition checked without a segment (preview). */
export function definitionOrThrow(json: string): SegmentCondition {
  const parsed = parseSegmentDefinition(json);
  if (!parsed.ok) throw SegmentError.validation(parsed.errors);
  return parsed.definition;
}
