/**
 * Query strings to operation input: every value arrives as a string, so each is turned into what
 * the operation's schema expects (a number, a boolean, a list) before the schema validates it.
 * Values that do not convert are passed on as they are, for the schema to reject with its path.
 */
import type { z } from 'zod';

type Kind = 'number' | 'boolean' | 'array' | 'string';

interface Def {
  readonly type?: string;
  readonly innerType?: { readonly _zod: { readonly def: Def } };
  readonly in?: { readonly _zod: { readonly def: Def } };
}

function kindOf(schema: { readonly _zod: { readonly def: Def } }): Kind {
  let def: Def = schema._zod.def;
  for (let i = 0; i < 8; i++) {
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) def = def.innerType._zod.def;
    else if (def.type === 'pipe' && def.in) def = def.in._zod.def;
    else break;
  }
  if (def.type === 'number' || def.type === 'int' || def.type === 'bigint') return 'number';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'array') return 'array';
  return 'string';
}

/** The field names of an object schema with the kind each expects. */
export function fieldKinds(schema: z.ZodType): ReadonlyMap<string, Kind> {
  const shape = (schema as unknown as { shape?: Record<string, { _zod: { def: Def } }> }).shape ?? {};
  return new Map(Object.entries(shape).map(([key, field]) => [key, kindOf(field)]));
}

/** Build operation input from query parameters; `aliases` map a singular parameter to a list field. */
export function inputFromQuery(schema: z.ZodType, params: URLSearchParams, aliases: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const kinds = fieldKinds(schema);
  const out: Record<string, unknown> = {};
  for (const rawKey of new Set(params.keys())) {
    const key = aliases[rawKey] ?? rawKey;
    // The reader's audience comes from their login, never from the URL.
    if (key === 'audience') continue;
    const values = params.getAll(rawKey);
    const kind = kinds.get(key) ?? 'string';
    const convert = (v: string): unknown => {
      if (kind === 'number') return v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
      if (kind === 'boolean') return v === 'true' || v === '1' || v === '' ? true : v === 'false' || v === '0' ? false : v;
      return v;
    };
    out[key] = kind === 'array' ? values.flatMap((v) => v.split(',')).filter((v) => v !== '') : convert(values[values.length - 1] ?? '');
  }
  return out;
}
