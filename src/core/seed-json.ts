/**
 * Seeds kept in a JSON object (a Secrets Manager SecretString, a Vault KV secret, a Steam `.maFile`):
 * which field holds the seed. `#FIELD` names it; without it, Steam's `shared_secret` when there is one,
 * else the one text field, else the one of the usual names. Errors name the fields, never their values.
 */
import { badInput, isSafeToPrint, quote } from './errors.js';

/** Field names that usually hold a TOTP seed or URL, in the order docs/action.md "Sources" lists them. */
export const SEED_FIELDS = ['otpauth_url', 'url', 'secret', 'seed', 'totp'] as const;

/**
 * The field of a Steam authenticator's data (a Steam Desktop Authenticator `.maFile`, what Steam's
 * AddAuthenticator returns) holding the TOTP seed, in base64. It implies Steam Guard codes.
 */
export const STEAM_SEED_FIELD = 'shared_secret';

/** The other secrets of a `.maFile` (never printed; masked alongside the seed). */
export const STEAM_OTHER_SECRET_FIELDS = ['identity_secret', 'secret_1', 'revocation_code', 'uri'] as const;

/** The field picked from a JSON object, by name, with its text. */
export interface PickedField {
  readonly name: string;
  readonly value: string;
  /** The object the field was picked from (for the other fields of a `.maFile`). */
  readonly object: Readonly<Record<string, unknown>>;
}

/** True when the text is meant as JSON (an object, or an array refused as "not a JSON object"). */
export function isJsonObjectText(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

/** The keys of a JSON object's top level in the order written, duplicates included (JSON.parse hides them). */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 64)))
        keys.push(JSON.parse(text.slice(i, end + 1)) as string);
      i = end;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return keys;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A field name for a message: named in full (docs/action.md "Sources": refusals name the fields), unless
 * `isSafeToPrint` finds it too long or like a seed (one that slipped into a key): then described by its length.
 */
function fieldName(name: string): string {
  return isSafeToPrint(name, 'name') ? JSON.stringify(name) : quote(name);
}

const list = (names: readonly string[]) => names.map(fieldName).join(', ');

/**
 * Picks the seed text out of a JSON object given as text (or already parsed, `data`). `label` names the
 * input in errors.
 * @throws TotpKitError (bad-input) for text that is not a JSON object, duplicate or missing fields,
 *   a field that is not text, or several candidates without `#FIELD`.
 */
export function pickSeedField(
  text: string | undefined,
  field: string | undefined,
  label: string,
  data?: unknown,
): string {
  return pickSeedFieldNamed(text, field, label, data).value;
}

/**
 * `pickSeedField`, also saying which field was picked: a `shared_secret` field (picked by `#FIELD` or,
 * without it, before every other rule) holds a Steam seed, in base64.
 * @throws TotpKitError (bad-input) as `pickSeedField`.
 */
export function pickSeedFieldNamed(
  text: string | undefined,
  field: string | undefined,
  label: string,
  data?: unknown,
): PickedField {
  let value = data;
  if (text !== undefined) {
    try {
      value = JSON.parse(text);
    } catch {
      // JSON.parse's message quotes the text: it must never reach a message.
      throw badInput(label, 'is not valid JSON', 'a JSON object, a Base32 seed or an otpauth URL', 'E_JSON_INVALID');
    }
    const keys = topLevelKeys(text);
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate !== undefined) {
      throw badInput(label, `has the field ${fieldName(duplicate)} twice`, 'each field once', 'E_JSON_DUPLICATE');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badInput(
      label,
      `holds ${kindOf(value)}, not a JSON object`,
      'a JSON object with the seed in a text field',
      'E_JSON_INVALID',
    );
  }
  const object = value as Record<string, unknown>;
  const names = Object.keys(object);
  if (field !== undefined) {
    if (!Object.hasOwn(object, field)) {
      throw badInput(
        label,
        `has no field ${fieldName(field)}`,
        names.length > 0 ? `one of its fields: ${list(names)}` : 'a field holding the seed',
        'E_JSON_FIELD',
      );
    }
    const picked = object[field];
    if (typeof picked !== 'string') {
      throw badInput(
        label,
        `field ${fieldName(field)} holds ${kindOf(picked)}, not text`,
        'a field holding a Base32 seed or an otpauth URL',
        'E_JSON_FIELD',
      );
    }
    return { name: field, value: picked, object };
  }
  const textFields = names.filter((n) => typeof object[n] === 'string');
  // A .maFile has a dozen text fields (an otpauth `uri` among them): shared_secret is the seed.
  const pick = (name: string): PickedField => ({ name, value: object[name] as string, object });
  if (textFields.includes(STEAM_SEED_FIELD)) return pick(STEAM_SEED_FIELD);
  if (textFields.length === 1) return pick(textFields[0] as string);
  const usual = SEED_FIELDS.filter((n) => textFields.includes(n));
  if (usual.length === 1) return pick(usual[0] as string);
  const candidates = usual.length > 1 ? usual : textFields;
  if (candidates.length === 0) {
    throw badInput(
      label,
      `has no text field holding a seed${names.length > 0 ? ` (fields: ${list(names)})` : ''}`,
      'a field holding a Base32 seed or an otpauth URL',
      'E_JSON_FIELD',
    );
  }
  throw badInput(
    label,
    `has ${candidates.length} candidate fields (${list(candidates)})`,
    'name one with #FIELD',
    'E_JSON_AMBIGUOUS',
  );
}
