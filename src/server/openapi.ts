/** The OpenAPI 3.1 document, generated from the route table and the operations' zod schemas. */
import { z } from 'zod';
import { openApiPath, pathParams, type Method, type Route } from './routes.js';

/** A route the HTTP app handles itself (sessions, forecast runs, reports), described for the document. */
export interface ExtraRoute {
  readonly method: Method;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly successStatus: number;
  readonly isPublic?: boolean;
  readonly responseType?: string;
}

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete out['$schema'];
  return out;
}

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'problems'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        path: { type: 'string' },
        problems: { type: 'array', items: { type: 'object', properties: { message: { type: 'string' }, path: { type: 'string' } } } },
        current: { description: 'On 409: the newer version of the record' },
        requestId: { type: 'string' },
      },
    },
  },
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function queryParameters(schema: z.ZodType | undefined, exclude: readonly string[]): JsonSchema[] {
  if (schema === undefined) return [];
  const json = jsonSchema(schema);
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(properties)
    .filter(([name]) => name !== 'audience' && !exclude.includes(name))
    .map(([name, property]) => {
      const isList = property['type'] === 'array';
      return { name, in: 'query', required: required.has(name) && !('default' in property), schema: property, ...(isList ? { style: 'form', explode: true } : {}) };
    });
}

function bodySchema(schema: z.ZodType, exclude: readonly string[]): JsonSchema {
  const json = jsonSchema(schema);
  const properties = { ...((json['properties'] ?? {}) as Record<string, JsonSchema>) };
  for (const name of exclude) delete properties[name];
  const required = ((json['required'] ?? []) as string[]).filter((n) => !exclude.includes(n));
  return { ...json, properties, ...(required.length > 0 ? { required } : { required: undefined }) };
}

function operationObject(spec: { method: Method; path: string; summary: string; tag: string; successStatus: number; query?: z.ZodType | undefined; body?: z.ZodType | undefined; isPublic?: boolean | undefined; isVersioned?: boolean | undefined; responseType?: string | undefined; operationId: string }) {
  const params = pathParams(spec.path);
  const parameters: JsonSchema[] = [
    ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...queryParameters(spec.query, params),
    ...(spec.isVersioned === true ? [{ name: 'If-Match', in: 'header', required: false, description: 'The id of the version this write corrects (quoted); required when the body names `supersedes`', schema: { type: 'string' } }] : []),
  ];
  const responseType = spec.responseType ?? 'application/json';
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: [spec.tag],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: bodySchema(spec.body, params) } } } }),
    ...(spec.isPublic === true ? { security: [] } : {}),
    responses: {
      [String(spec.successStatus)]: { description: 'Success', content: { [responseType]: { schema: responseType === 'application/json' ? { type: 'object' } : { type: 'string' } } } },
      '400': errorResponse('Invalid input: the message and `path` name what is wrong'),
      ...(spec.isPublic === true ? {} : { '401': errorResponse('Not logged in'), '403': errorResponse('Not allowed for this user') }),
      '404': errorResponse('Unknown id'),
      ...(spec.method === 'get' ? {} : { '409': errorResponse('Conflict: the version was superseded; `current` is the newer one'), '413': errorResponse('Request body too large') }),
      '429': errorResponse('Too many requests'),
    },
  };
}

/** Build the document. */
export function openApiDocument(routes: readonly Route[], extras: readonly ExtraRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const add = (path: string, method: Method, value: unknown) => {
    const key = openApiPath(path);
    paths[key] = { ...(paths[key] ?? {}), [method]: value };
  };
  for (const r of routes) {
    add(r.path, r.method, operationObject({
      method: r.method,
      path: r.path,
      summary: r.operation.summary,
      tag: r.tag,
      successStatus: r.successStatus,
      query: r.input === 'query' ? r.operation.input : undefined,
      body: r.input === 'body' ? r.operation.input : undefined,
      isVersioned: r.isVersioned,
      responseType: r.textType,
      operationId: `${r.method}${openApiPath(r.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    }));
  }
  for (const e of extras) {
    add(e.path, e.method, operationObject({ ...e, operationId: `${e.method}${openApiPath(e.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}` }));
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'OPCON Transition Monitor API',
      version,
      description:
        'The plan, the record, the picture as of a date, forecasts and ingestion of a conditions-based transfer of operational control. Every read is filtered to what the logged-in user may see (releasability); every write is audited.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { token: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'opcon_session', description: 'From POST /api/session; writes also need the X-CSRF-Token header' },
        token: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/tokens or `opcon token create`' },
      },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
