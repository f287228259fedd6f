// Subject and body templates with merge fields: `{{firstName|there}}` is the contact's first
// name, or "there" when it has none. A tiny renderer of our own rather than a template
// library: templates are written by users, so nothing in them may run code, loop or reach
// beyond the fields listed here (Handlebars/Mustache both allow helpers or partials). The
// grammar is @kith/contracts' (merge-fields.ts), the gateway's too. Pure.
import { MERGE_FIELDS, MERGE_TAG_SOURCE, type MergeField } from '@kith/contracts';
import type { MarketingProfile } from './marketing-profile';

export const TEMPLATE_LIMITS = { subject: 200, body: 100_000 } as const;

/** `{{ field }}` or `{{ field | default text }}`; a custom field is `custom.<key>`. */
const TAG = new RegExp(MERGE_TAG_SOURCE, 'g');
/** Anything that looks like a tag, to name an unknown field in the error. */
const LOOSE_TAG = /\{\{\s*([^{}|\s]*)/;
const CUSTOM = /^custom\.([a-z][a-z0-9_]{0,63})$/;
const BRACES = /[{}]/;

export type TemplatePart =
  { text: string } | { field: MergeField | `custom.${string}`; fallback: string };

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; message: string };

/** Braces outside a tag: an unknown field, or text the grammar does not allow. */
function strayProblem(text: string): string {
  const loose = LOOSE_TAG.exec(text);
  if (loose?.[1]) {
    return `unknown merge field ${loose[1]} (known: ${MERGE_FIELDS.join(', ')}, custom.<key>)`;
  }
  return 'a { or } outside a merge field; write {{field|default}}';
}

export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let at = 0;
  const text = (until: number): string | undefined => {
    const piece = template.slice(at, until);
    if (BRACES.test(piece)) return strayProblem(piece);
    if (piece) parts.push({ text: piece });
    return undefined;
  };
  for (const match of template.matchAll(TAG)) {
    const [whole, name = '', fallback = ''] = match;
    const index = match.index ?? 0;
    const problem = text(index);
    if (problem) return { ok: false, message: problem };
    parts.push({ field: name as MergeField, fallback: fallback.trim() });
    at = index + whole.length;
  }
  const problem = text(template.length);
  return problem ? { ok: false, message: problem } : { ok: true, parts };
}

function valueOf(profile: MarketingProfile, field: { field: string; fallback: string }): string {
  const custom = CUSTOM.exec(field.field);
  const raw = custom ? profile.customFields[custom[1] ?? ''] : profile[field.field as MergeField];
  const text = Array.isArray(raw) ? raw.join(', ') : raw === undefined ? '' : String(raw);
  return text.trim() === '' ? field.fallback : text;
}

/** The template for one recipient. Throws on a template that does not parse (validated at create). */
export function renderTemplate(template: string, profile: MarketingProfile): string {
  const parsed = parseTemplate(template);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.parts.map((p) => ('text' in p ? p.text : valueOf(profile, p))).join('');
}

/** A subject is one line: merge values with line breaks must not add headers. */
export function renderSubject(template: string, profile: MarketingProfile): string {
  return renderTemplate(template, profile)
    .replace(/[\r\n]+/g, ' ')
    .trim();
}
