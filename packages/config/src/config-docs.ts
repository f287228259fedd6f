// Renders configuration schemas as Markdown tables for docs/configuration.md.
import type { z } from 'zod';
import { describeConfig } from './describe-config';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderConfigTable(schema: z.ZodObject): string {
  const rows = describeConfig(schema).map((v) => {
    let fallback = v.required ? 'required' : '';
    if (v.default !== undefined)
      fallback = v.default === '' ? '(empty)' : `\`${String(v.default)}\``;
    return `| \`${v.name}\` | ${fallback} | ${v.sensitive ? 'yes' : ''} | ${cell(v.description)} |`;
  });
  return ['| variable | default | secret | meaning |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}
