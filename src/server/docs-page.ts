/** A self-contained API reference page rendered from the OpenAPI document (no scripts, no external assets). */

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface OperationDoc {
  readonly summary?: string;
  readonly tags?: readonly string[];
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly required?: boolean; readonly schema?: Record<string, unknown> }[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: Record<string, unknown> }> };
  readonly responses: Record<string, { readonly description: string }>;
}

function typeOf(schema: Record<string, unknown> | undefined): string {
  if (schema === undefined) return '';
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map(String).join(' | ');
  if (schema['type'] === 'array') return `${typeOf(schema['items'] as Record<string, unknown>)}[]`;
  return String(schema['type'] ?? schema['format'] ?? 'value');
}

/** The HTML of the docs page. */
export function docsPage(document: Record<string, unknown>): string {
  const info = document['info'] as { title: string; version: string; description: string };
  const paths = document['paths'] as Record<string, Record<string, OperationDoc>>;
  const rows = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (op.parameters ?? []).map((p) => `<li><code>${escape(p.name)}</code> <small>${escape(p.in)}${p.required === true ? ', required' : ''}</small> ${escape(typeOf(p.schema))}</li>`).join('');
      const body = op.requestBody?.content['application/json']?.schema;
      const fields = body === undefined ? '' : Object.entries((body['properties'] ?? {}) as Record<string, Record<string, unknown>>)
        .map(([name, s]) => `<li><code>${escape(name)}</code>${((body['required'] ?? []) as string[]).includes(name) ? ' <small>required</small>' : ''} ${escape(typeOf(s))}</li>`).join('');
      const statuses = Object.entries(op.responses).map(([code, r]) => `<code title="${escape(r.description)}">${code}</code>`).join(' ');
      return `<section id="${escape(method + path)}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3><p>${escape(op.summary ?? '')}</p>${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}${fields ? `<h4>Body (JSON)</h4><ul>${fields}</ul>` : ''}<p class="r">Responses: ${statuses}</p></section>`;
    }),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(info.title)} — reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}code{font:13px ui-monospace,monospace;background:#f2f2f2;padding:0 .25rem}section{border-top:1px solid #ddd;padding:.5rem 0}h3{margin:.5rem 0;font-size:1rem}.m{display:inline-block;min-width:4rem;font:700 12px ui-monospace,monospace;color:#fff;padding:.1rem .4rem;border-radius:3px}.get{background:#1f5f99}.post{background:#2d6a2d}.delete{background:#8a1f1f}.r,small{color:#555}ul{margin:.25rem 0}</style>
</head><body><h1>${escape(info.title)} <small>${escape(info.version)}</small></h1><p>${escape(info.description)}</p>
<p>Log in with <code>POST /api/session</code> (the session cookie is HttpOnly; cookie-authenticated writes send the <code>X-CSRF-Token</code> header from the login response) or send <code>Authorization: Bearer &lt;token&gt;</code>. Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
${rows.join('\n')}
</body></html>`;
}
