// Custom field values on a contact and the cf.* list filters over them.
import { z } from '../../http/schemas/zod';

const CUSTOM_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const customFieldKey = z.string().regex(CUSTOM_FIELD_KEY, 'Not a custom field key.');
const customFieldValue = z.union([
  z.string().max(1000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(100)).max(200),
]);
// zod-to-openapi leaves a record's key schema out; the document states it as propertyNames.
const customFieldKeys = { propertyNames: { pattern: CUSTOM_FIELD_KEY.source } };
export const CustomFieldValuesSchema = z
  .record(customFieldKey, customFieldValue)
  .openapi('CustomFieldValues', {
    ...customFieldKeys,
    description:
      'Values by custom field key (see /v1/custom-fields): text, number, YYYY-MM-DD date, ' +
      'boolean, or the option value(s) of a select.',
  });
export const CustomFieldPatchSchema = z
  .record(customFieldKey, customFieldValue.nullable())
  .openapi({
    ...customFieldKeys,
    description: 'Keys present change; null clears a value; absent keys stay.',
  });

/** `cf.<key>[.gt|gte|lt|lte|exists]=<value>` list filters. */
export const CUSTOM_FIELD_FILTER_PARAM = /^cf\.[a-z][a-z0-9_]{0,39}(\.(gt|gte|lt|lte|exists))?$/;

/** The `cf.*` part of a list query: names as CUSTOM_FIELD_FILTER_PARAM, one value each. */
export const CustomFieldFilterQuerySchema = z
  .record(
    z.string().regex(CUSTOM_FIELD_FILTER_PARAM, 'Use cf.<key> or cf.<key>.<gt|gte|lt|lte|exists>.'),
    z.string().max(200),
  )
  .refine((filters) => Object.keys(filters).length <= 10, {
    message: 'At most 10 custom field filters.',
  });
