/** The rule for the secret name prefix of an `aws-sm:` store, shared by its reference and the store itself. */

/** The record kinds, the segment that follows a prefix in a secret name: no prefix may have one of its own. */
const RECORD_KIND_SEGMENTS: readonly string[] = ['key', 'method', 'enrollment', 'lease'];
export const AWS_PREFIX_ALLOWED =
  'aws-sm:PREFIX with letters, digits and /_+=.@-, and no segment named key, method, enrollment or lease';

/**
 * Why an aws-sm prefix cannot name a store, or undefined. A store's secrets are PREFIX/KIND/ID. Were a prefix
 * allowed a segment named like a kind (`coll/key/x`), its secrets would also be records of a shorter store
 * (`coll/key/x/key/inner` is key `x/key/inner` of `coll`), which could read, overwrite or delete them. Without
 * such segments, the first kind segment of a secret name is where its store's prefix ends: every secret belongs to
 * one store at most, and one record of it.
 */
export function awsPrefixProblem(prefix: string): string | undefined {
  const segment = prefix.split('/').find((s) => RECORD_KIND_SEGMENTS.includes(s.toLowerCase()));
  if (segment === undefined) return undefined;
  return `prefix has a segment "${segment}": a prefix may have no segment named key, method, enrollment or lease (another store's records would be named like its secrets)`;
}
