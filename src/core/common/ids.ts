import { z } from 'zod';

/** Identifiers used in data files: letters, digits, dot, dash and underscore. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'expected an id of letters, digits, ".", "-" or "_"' });
