/**
 * The shape of what the CDKTF constructs synthesize, shared by the constructs (which write it) and
 * `totp-kit plan --stack` (which reads it back): the resource types, the attribute holding their triggers,
 * and the escaping of user text for Terraform strings.
 */

/**
 * The Terraform resource a construct synthesizes: Terraform's built-in `terraform_data` (1.4 or later), or a
 * `null_resource` of the hashicorp/null provider for older Terraform.
 */
export type TotpResourceType = 'terraform_data' | 'null_resource';

/** Every resource type the constructs make. */
export const RESOURCE_TYPES: readonly TotpResourceType[] = ['terraform_data', 'null_resource'];

/**
 * The attribute holding a resource's triggers: `triggers_replace` of a terraform_data (any value: the
 * declaration is an object), `triggers` of a null_resource (a map of strings: the declaration is JSON text).
 */
export const TRIGGERS_ATTRIBUTE: Readonly<Record<TotpResourceType, string>> = {
  terraform_data: 'triggers_replace',
  null_resource: 'triggers',
};

/**
 * Escapes text for a Terraform string, where `${` starts an interpolation and `%{` a directive: user text (an
 * issuer, a path) must reach the provisioner literally, never be evaluated by Terraform.
 */
export function terraformLiteral(text: string): string {
  // Functions, not strings: in a replacement string `$$` means one `$`.
  return text.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{');
}

/** Undoes terraformLiteral: `$${` is `${`, `%%{` is `%{`. */
export function terraformUnescape(text: string): string {
  return text.replaceAll('$${', () => '${').replaceAll('%%{', () => '%{');
}

/** A JSON value with `map` applied to every string in it (object keys are settings, never user text). */
export function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]));
  }
  return value;
}
