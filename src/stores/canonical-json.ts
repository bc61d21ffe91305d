/**
 * Canonical JSON of a stored record, for authenticating it: object keys sorted (by UTF-16 code units), no
 * whitespace, `undefined` members left out as JSON.stringify leaves them out. A record read back from a store
 * gives the same text as the record that was written, whatever order its fields were in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object)
      .filter((k) => object[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
