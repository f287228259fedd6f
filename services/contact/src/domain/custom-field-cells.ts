// Custom field values that arrive as text cells (CSV import) read by their field's type: a
// yes/no cell as a boolean, "a; b" as a multi-select list. Everything else stays as it is and
// goes through the ordinary value validator (custom-field-values.ts), which already reads
// numbers and dates from text.
import type { CustomFieldDefinition } from './custom-field';

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const LIST_SEPARATOR = /[;|]/;

export function customFieldsFromCells(
  definitions: readonly CustomFieldDefinition[],
  cells: Record<string, unknown>,
): Record<string, unknown> {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  return Object.fromEntries(
    Object.entries(cells).map(([key, cell]) => {
      const definition = byKey.get(key);
      if (typeof cell !== 'string' || !definition) return [key, cell];
      if (definition.type === 'boolean') {
        const lower = cell.trim().toLowerCase();
        if (TRUE.has(lower)) return [key, true];
        if (FALSE.has(lower)) return [key, false];
        return [key, cell];
      }
      if (definition.type === 'multi_select') {
        return [
          key,
          cell
            .split(LIST_SEPARATOR)
            .map((v) => v.trim())
            .filter((v) => v !== ''),
        ];
      }
      return [key, cell];
    }),
  );
}
