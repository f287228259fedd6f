// Custom field values on a contact and the cf.* list filters over them. The key pattern and
// limits come from @kith/contracts, shared with the contact service's value rules.
import {
  CUSTOM_FIELD_KEY_PATTERN,
  CUSTOM_FIELD_KEY_SYNTAX,
  CUSTOM_FIELD_LIMITS as LIMITS,
  TEXT_PATTERN,
} from '@kith/contracts';
import { z } from '../../http/schemas/zod';
import { maxChars, wellFormedText } from '../../http/schemas/text.schema';

const customFieldKey = z.string().regex(CUSTOM_FIELD_KEY_PATTERN, 'Not a custom field key.');
/**
 * Counted as the service counts a text value: in code points (as zod's max and JSON Schema's
 * maxLength do), after trimming. Not trimmed here: a select's value is compared as sent.
 */
const customFieldText = z
  .string()
  .refine((text) => [...text.trim()].length <= LIMITS.text, {
    message: `Too big: expected string to have <=${LIMITS.text} characters`,
  })
  .superRefine(wellFormedText)
  .openapi({ maxLength: LIMITS.text, pattern: TEXT_PATTERN });
const customFieldValue = z.union([
  customFieldText,
  z.number(),
  z.boolean(),
  z.array(maxChars(z.string(), LIMITS.optionValue)).max(LIMITS.options),
]);
// zod-to-openapi leaves a record's key schema out; the document states it as propertyNames.
const customFieldKeys = { propertyNames: { pattern: CUSTOM_FIELD_KEY_PATTERN.source } };
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
export const CUSTOM_FIELD_FILTER_PARAM = new RegExp(
  `^cf\\.${CUSTOM_FIELD_KEY_SYNTAX}(\\.(gt|gte|lt|lte|exists))?$`,
);

/** The `cf.*` part of a list query: names as CUSTOM_FIELD_FILTER_PARAM, one value each. */
export const CustomFieldFilterQuerySchema = z
  .record(
    z.string().regex(CUSTOM_FIELD_FILTER_PARAM, 'Use cf.<key> or cf.<key>.<gt|gte|lt|lte|exists>.'),
    z.string().max(200),
  )
  .refine((filters) => Object.keys(filters).length <= LIMITS.filtersPerQuery, {
    message: `At most ${LIMITS.filtersPerQuery} custom field filters.`,
  });
