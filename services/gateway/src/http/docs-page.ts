// /docs: a self-contained HTML reference rendered on the server from the OpenAPI
// document. No scripts and no CDN (these machines are offline, and a CSP of
// default-src 'none' keeps the page inert).
type Json = Record<string, unknown>;

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

export const DOCS_CSP = "default-src 'none'; style-src 'unsafe-inline'";

function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

/** `#/components/schemas/Person` -> a link to that schema's section. */
function schemaRef(schema: unknown): string {
  const ref = obj(schema).$ref;
  if (typeof ref === 'string') {
    const name = ref.split('/').pop() ?? ref;
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  return `<code>${esc(JSON.stringify(schema))}</code>`;
}

function renderParameters(parameters: unknown): string {
  if (!Array.isArray(parameters) || parameters.length === 0) return '';
  const rows = parameters
    .map((p) => {
      const param = obj(p);
      const schema = obj(param.schema);
      return `<tr><td><code>${esc(param.name)}</code></td><td>${esc(param.in)}</td><td>${
        param.required ? 'yes' : 'no'
      }</td><td>${esc(schema.type ?? '')}</td><td>${esc(param.description ?? schema.description ?? '')}</td></tr>`;
    })
    .join('');
  return `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Type</th><th>Description</th></tr>${rows}</table>`;
}

function renderContent(content: unknown): string {
  return Object.entries(obj(content))
    .map(([type, media]) => `<code>${esc(type)}</code> ${schemaRef(obj(media).schema)}`)
    .join('<br>');
}

function renderOperation(path: string, method: string, op: Json): string {
  const body = obj(op.requestBody);
  const responses = Object.entries(obj(op.responses))
    .map(
      ([status, r]) =>
        `<li><strong>${esc(status)}</strong> ${esc(obj(r).description)} ${renderContent(obj(r).content)}</li>`,
    )
    .join('');
  const open = Array.isArray(op.security) && op.security.length === 0;
  return `<section class="op" id="${esc(op.operationId ?? `${method}-${path}`)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code>${
    open ? ' <em>(no token)</em>' : ''
  }</h3>
<p><strong>${esc(op.summary)}</strong></p><p>${esc(op.description ?? '')}</p>
${renderParameters(op.parameters)}
${op.requestBody ? `<p>Body: ${renderContent(body.content)}</p>` : ''}
<ul>${responses}</ul></section>`;
}

export function renderDocsPage(document: object): string {
  const doc = obj(document);
  const info = obj(doc.info);
  const operations: string[] = [];
  const index: string[] = [];
  for (const [path, item] of Object.entries(obj(doc.paths))) {
    for (const method of METHODS) {
      const op = obj(obj(item)[method]);
      if (Object.keys(op).length === 0) continue;
      const anchor = esc(op.operationId ?? `${method}-${path}`);
      index.push(
        `<li><a href="#${anchor}">${esc(method.toUpperCase())} ${esc(path)}</a> — ${esc(op.summary)}</li>`,
      );
      operations.push(renderOperation(path, method, op));
    }
  }
  const schemas = Object.entries(obj(obj(doc.components).schemas))
    .map(
      ([name, schema]) =>
        `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3><pre>${esc(JSON.stringify(schema, null, 2))}</pre></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)} — reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f6f6f6;padding:.75rem;overflow:auto}
.op{border-top:1px solid #ddd;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;color:#fff;padding:0 .4rem;border-radius:3px;text-align:center}
.get{background:#2b6cb0}.post{background:#2f855a}.patch{background:#b7791f}.put{background:#b7791f}.delete{background:#c53030}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
</style></head><body>
<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>
<p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).
Authenticate with <code>Authorization: Bearer &lt;JWT&gt;</code>.</p>
<h2>Operations</h2><ul>${index.join('\n')}</ul>
${operations.join('\n')}
<h2>Schemas</h2>
${schemas}
</body></html>`;
}
