import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';

// zod/mini leaves messages to the caller; the English locale words the ones no schema of ours
// sets ("expected number, received string"). Every core module with a schema imports this one.
// (Import zod itself as a namespace where it is used, never re-exported: the bundler then keeps
// only the parts each bundle calls.)
z.config(en());

/**
 * `schema`, registered with a description: the generated JSON schema and docs show it.
 * Returns the same schema (registration is by identity, so give each call its own schema).
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}
