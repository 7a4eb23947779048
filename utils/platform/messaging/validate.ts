/** Small validators for message payloads: each returns null when fine, or the reason it is not. */
export type Validator = (payload: unknown) => string | null;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown, name: string, max = 2048): string | null =>
  typeof v !== 'string' ? `${name} must be a string` : v.length > max ? `${name} is too long` : null;
export const id = (v: unknown, name: string) => str(v, name, 64) ?? (/^[\w-]+$/.test(v as string) ? null : `${name} is not an id`);
export const empty: Validator = (p) => (isObject(p) && Object.keys(p).length === 0 ? null : 'payload must be {}');
/** Optional value: undefined passes, anything else must pass `check`. */
export const optional = (v: unknown, check: (v: unknown) => string | null) => (v === undefined ? null : check(v));
/** An array of at most `max` items, each passing `check`. */
export const arrayOf = (v: unknown, name: string, max: number, check: (item: unknown, name: string) => string | null): string | null => {
  if (!Array.isArray(v)) return `${name} must be a list`;
  if (v.length > max) return `${name} has too many items`;
  for (const [i, item] of v.entries()) {
    const error = check(item, `${name}[${i}]`);
    if (error) return error;
  }
  return null;
};
/** The first error of several checks, or null. */
export const firstError = (...errors: (string | null)[]) => errors.find((e) => e !== null) ?? null;
