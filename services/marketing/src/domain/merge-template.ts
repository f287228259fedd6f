// Subject and body templates with merge fields: `{{firstName|there}}` is the contact's first
// name, or "there" when it has none. A tiny renderer of our own rather than a template
// library: templates are written by users, so nothing in them may run code, loop or reach
// beyond the fields listed here (Handlebars/Mustache both allow helpers or partials). Pure.
import type { MarketingProfile } from './marketing-profile';

export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'preferredName',
  'displayName',
  'email',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const TEMPLATE_LIMITS = { subject: 200, body: 100_000 } as const;

/** `{{ field }}` or `{{ field | default text }}`; a custom field is `custom.<key>`. */
const TAG = /\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*(?:\|([^{}]*))?\}\}/g;
const CUSTOM = /^custom\.([a-z][a-z0-9_]{0,63})$/;

export type TemplatePart =
  { text: string } | { field: MergeField | `custom.${string}`; fallback: string };

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; message: string };

export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let at = 0;
  for (const match of template.matchAll(TAG)) {
    const [whole, name = '', fallback = ''] = match;
    const index = match.index ?? 0;
    if (index > at) parts.push({ text: template.slice(at, index) });
    if (!(MERGE_FIELDS as readonly string[]).includes(name) && !CUSTOM.test(name)) {
      return {
        ok: false,
        message: `unknown merge field ${name} (known: ${MERGE_FIELDS.join(', ')}, custom.<key>)`,
      };
    }
    parts.push({ field: name as MergeField, fallback: fallback.trim() });
    at = index + whole.length;
  }
  const rest = template.slice(at);
  if (rest.includes('{{') || rest.includes('}}')) {
    return { ok: false, message: 'a {{ or }} that is not a merge field; write {{field|default}}' };
  }
  if (rest) parts.push({ text: rest });
  return { ok: true, parts };
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
