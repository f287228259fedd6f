// Reading an event's data against the catalogue (consumers validate what they receive) and the
// JSON Schemas the docs are generated from.
import { z } from 'zod';
import {
  eventCatalogue,
  type CatalogueEntry,
  type EventData,
  type EventType,
} from './event-catalogue';

/** Why parseEventData refused: an unknown type, or data that does not match the schema. */
export class EventDataError extends Error {
  override readonly name = 'EventDataError';

  constructor(
    message: string,
    readonly reason: 'unknown-type' | 'invalid',
    readonly issues: z.core.$ZodIssue[] = [],
  ) {
    super(message);
  }
}

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(eventCatalogue, type);
}

export function parseEventData<T extends EventType>(type: T, data: unknown): EventData<T>;
export function parseEventData(type: string, data: unknown): unknown;
export function parseEventData(type: string, data: unknown): unknown {
  if (!isEventType(type)) throw new EventDataError(`unknown event type ${type}`, 'unknown-type');
  const result = eventCatalogue[type].schema.safeParse(data);
  if (!result.success) {
    throw new EventDataError(
      `${type} data is invalid: ${z.prettifyError(result.error)}`,
      'invalid',
      result.error.issues,
    );
  }
  return result.data;
}

/**
 * JSON Schema (draft 2020-12) of each event type's data. Input mode leaves additional
 * properties open, matching the add-optional-fields evolution rule.
 */
export function exportEventJsonSchemas(): Record<EventType, Record<string, unknown>> {
  const out = {} as Record<EventType, Record<string, unknown>>;
  for (const type of Object.keys(eventCatalogue) as EventType[]) {
    const entry: CatalogueEntry = eventCatalogue[type];
    out[type] = {
      ...z.toJSONSchema(entry.schema, { io: 'input' }),
      title: type,
      description: entry.description,
      'x-kith-topic': entry.topic,
      'x-kith-key': entry.key,
    };
  }
  return out;
}
