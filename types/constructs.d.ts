/**
 * `totp-kit/constructs`: CDKTF constructs declaring TOTP keys, MFA methods and enrollments in a
 * totp-kit store. Each synthesizes a `terraform_data` (or, where asked, a `null_resource`) whose local-exec
 * provisioners run the bundled CLI at `terraform apply`; no seed ever enters the synthesized JSON or
 * Terraform state, and no path of the machine: the same project synthesizes the same JSON in any folder.
 *
 * Besides the constructs, their props and `portableLocalBackend`, it exports types only, so the constructs'
 * signatures and inherited members are documented: `TotpDeclaredResource` (the base the three share; not for
 * apps to extend) with its props, the declarations the constructs carry, and the `Problem` a store reports.
 *
 * @packageDocumentation
 */

import { Construct } from 'constructs';
import { LocalBackend } from 'cdktf';
import { TerraformOutput } from 'cdktf';
import { TerraformResource } from 'cdktf';
import { TerraformStack } from 'cdktf';

/** Props of an AWS Secrets Manager store. */
export declare interface AwsSecretsManagerStoreProps extends TotpStoreOptions {
    /**
     * Secret name prefix: records are `PREFIX/key/NAME`, `PREFIX/method/NAME` and
     * `PREFIX/enrollment/METHOD/ENTITY`. Letters, digits and `/_+=.@-`.
     */
    readonly prefix: string;
    /**
     * AWS region, passed to the CLI as `AWS_REGION`. Credentials always come from the SDK's default
     * chain in the environment `terraform apply` runs in; they are never put in the synthesized JSON.
     * @default the SDK's environment at apply (`AWS_REGION`, the profile)
     */
    readonly region?: string;
}

/** Any declaration: the JSON object `totp-kit plan`, `apply` and `destroy` take, one per resource. */
export declare type Declaration = KeyDeclaration | MethodDeclaration | EnrollmentDeclaration;

/** What a construct's resource is called in its store: two constructs of one stack may not share it. */
export declare interface DeclaredName {
    /** The prop that holds the name (`name`, `methodName`, `entityId`). */
    readonly setting: string;
    /** The name as the store knows it (`npm-bot`, `ops/alice`). */
    readonly value: string;
    /** What it names, for the refusal (`key name`). */
    readonly what: string;
}

/** What `TotpKey`, `TotpMfaMethod` and `TotpEnrollment` hand to their base. */
export declare interface DeclaredResourceProps<D extends Declaration = Declaration> {
    /** The store the resource is declared in. */
    readonly store: TotpStore;
    /** The declaration `totp-kit apply` receives. */
    readonly declaration: D;
    /** What the resource is called in its store. */
    readonly name: DeclaredName;
    /** The construct's TerraformOutput value: names and paths only, never a URL or seed. */
    readonly outputs: Readonly<Record<string, string | undefined>>;
    /** The TerraformOutput's description. */
    readonly description: string;
    /** A construct applied before this one and destroyed after it (an enrollment's method). */
    readonly after?: TotpDeclaredResource;
}

/** An enrollment as `totp-kit apply` takes it. */
export declare interface EnrollmentDeclaration {
    /** Always `enrollment`. */
    readonly kind: 'enrollment';
    /** The MFA method's name. */
    readonly method: unknown;
    /** The entity's id. */
    readonly entityId: unknown;
    /** Where apply writes the new enrollment's PNG barcode. */
    readonly qrCodeFile?: string;
}

/**
 * A key as `totp-kit apply` takes it: a key spec, `kind: 'key'`, and `qrCodeFile`, where apply writes the
 * barcode of a generated, exported key.
 */
export declare type KeyDeclaration = {
    readonly kind: 'key';
    readonly qrCodeFile?: string;
} & KeySpec;

/** A key as asked for: generated or imported, with its settings (values not yet checked; see `checkedKeySpec`). */
export declare interface KeySpec {
    /** The key's name: letters, digits, `_`, `-`, `.`, `@`, starting and ending with a letter, digit or `_`. */
    readonly name: unknown;
    /** Generate a seed for this issuer and account. */
    readonly generate?: {
        readonly issuer?: unknown;
        readonly accountName?: unknown;
        readonly keySize?: unknown;
    };
    /** Import the seed from a source reference (`env:NAME`, `file:PATH`, …), read once at create. */
    readonly importFrom?: unknown;
    /**
     * Issuer of an imported key.
     * @defaultValue the issuer of its otpauth URL
     */
    readonly issuer?: unknown;
    /**
     * Account of an imported key.
     * @defaultValue the account of its otpauth URL
     */
    readonly accountName?: unknown;
    /**
     * SHA1, SHA256 or SHA512.
     * @defaultValue SHA1, or the imported URL's
     */
    readonly algorithm?: unknown;
    /**
     * 6 or 8.
     * @defaultValue 6, or the imported URL's
     */
    readonly digits?: unknown;
    /**
     * Seconds per code.
     * @defaultValue 30, or the imported URL's
     */
    readonly period?: unknown;
    /**
     * Steps accepted either side of the current one by `validateKey`: 0 or 1.
     * @defaultValue 1
     */
    readonly skew?: unknown;
    /**
     * Barcode size in pixels, 0 (none) to 4096.
     * @defaultValue 200
     */
    readonly qrSize?: unknown;
    /**
     * Whether `createKey` hands out the URL and barcode of a generated key.
     * @defaultValue true
     */
    readonly exported?: unknown;
    /**
     * `totp` (default) or `steam`: Steam Guard codes, for an imported key only (Steam makes its own
     * secrets). A Steam seed (a `.maFile`, a Steam otpauth URL) makes a Steam key without it.
     */
    readonly encoder?: unknown;
}

/** An MFA method as `totp-kit apply` takes it: a method spec and `kind: 'method'`. */
export declare type MethodDeclaration = {
    readonly kind: 'method';
} & MethodSpec;

/** An MFA method as asked for (values not yet checked; see `checkedMethodSpec`). */
export declare interface MethodSpec {
    /** The method's unique name: letters, digits, `_`, `-`, `.`, `@`, starting and ending with a letter, digit or `_`. */
    readonly methodName: unknown;
    /** The issuer authenticator apps show: text without `:`. */
    readonly issuer: unknown;
    /**
     * SHA1, SHA256 or SHA512, for new enrollments.
     * @defaultValue SHA1
     */
    readonly algorithm?: unknown;
    /**
     * 6 or 8, for new enrollments.
     * @defaultValue 6
     */
    readonly digits?: unknown;
    /**
     * Seconds per code, for new enrollments.
     * @defaultValue 30
     */
    readonly period?: unknown;
    /**
     * Seed size in bytes of new enrollments, 16 to 1024.
     * @defaultValue 20
     */
    readonly keySize?: unknown;
    /**
     * Barcode size in pixels of new enrollments, 0 (none) to 4096.
     * @defaultValue 200
     */
    readonly qrSize?: unknown;
    /**
     * Steps accepted either side of the current one, for every enrollment: 0 or 1.
     * @defaultValue 1
     */
    readonly skew?: unknown;
    /**
     * Failed validations allowed per enrollment within one period before a lockout: 1 to 1000.
     * @defaultValue 5
     */
    readonly maxValidationAttempts?: unknown;
}

/**
 * The local backend cdktf adds by default (the state in `terraform.STACK.tfstate` in the project), named
 * relative to the stack's directory instead of by this machine's absolute path, so the stack's JSON is the
 * same in every checkout and a moved project still finds its state. Call it in the stack's constructor, in
 * place of configuring a backend (a remote backend needs none of this).
 *
 * @param stack - the stack whose state to keep in the project
 * @returns the backend
 *
 * @example
 * ```ts
 * import { TerraformStack } from 'cdktf';
 * import type { Construct } from 'constructs';
 * import { portableLocalBackend } from 'totp-kit/constructs';
 *
 * class Totp extends TerraformStack {
 *   constructor(scope: Construct, id: string) {
 *     super(scope, id);
 *     portableLocalBackend(this); // state in ./terraform.totp.tfstate for a stack "totp"
 *   }
 * }
 * ```
 */
export declare function portableLocalBackend(stack: TerraformStack): LocalBackend;

/** Props of a PostgreSQL store. Where the server is comes from the environment of `terraform apply`, never from here. */
export declare interface PostgresStoreProps extends TotpStoreOptions {
    /**
     * The environment variable that holds the connection URL (`postgres://USER:PASSWORD@HOST:PORT/DATABASE`)
     * when `terraform apply` runs, such as `DATABASE_URL`. Only its name is in the synthesized JSON.
     * @default none: libpq's standard variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE)
     */
    readonly urlVariable?: string;
    /**
     * The schema the store's tables live in (made on first use): several stores can share one database.
     * Lower-case letters, digits and `_`.
     * @default 'totp_kit'
     */
    readonly schema?: string;
}

/** A problem with one setting or input: which one, what is wrong, what is allowed. Never holds seed material. */
export declare interface Problem {
    /** The setting or input name as the core knows it (`digits`, `secret`, `source`). */
    readonly setting: string;
    /** What is wrong with the value, e.g. `"7" is not allowed`. Never contains seed material. */
    readonly problem: string;
    /** What would be accepted, e.g. `6 or 8`. */
    readonly allowed?: string;
}

/**
 * What `TotpKey`, `TotpMfaMethod` and `TotpEnrollment` share: a declaration in a store, checked at synth,
 * and the resources that apply it at `terraform apply`. `totp-kit/constructs` exports it as a type only: use
 * its members through those three constructs.
 */
export declare abstract class TotpDeclaredResource<D extends Declaration = Declaration> extends Construct {
    #private;
    /** The store the resource is declared in. */
    readonly store: TotpStore;
    /** The declaration `totp-kit apply` receives (no seed: an imported key names its source). */
    readonly declaration: D;
    /**
     * The `terraform_data` (or `null_resource`) whose provisioners apply the declaration: every setting is
     * in its triggers, and it is replaced create-before-destroy. (Terraform never runs the destroy-time
     * provisioners of the object it replaces: the store-level apply decides what a change means.)
     */
    readonly resource: TerraformResource;
    /**
     * The resource holding only what names the declaration in its store (kind, name, store). It is
     * replaced destroy-first when one of those changes — a rename, another store, another method — and its
     * destroy-time provisioner deletes what the old name held; `terraform destroy` deletes through it too.
     */
    readonly identity: TerraformResource;
    /** The names and paths of the resource (never a URL or seed). */
    readonly output: TerraformOutput;
    /**
     * @param scope - the construct's parent (a stack)
     * @param id - the construct's id in its parent
     * @param props - what the construct declares
     */
    protected constructor(scope: Construct, id: string, props: DeclaredResourceProps<D>);
    /** The problems of the declaration, checked at synth: the schema's, and any the construct adds. */
    protected abstract declarationProblems(): Problem[];
}

/**
 * An enrollment of an entity in an MFA method, made at `terraform apply` by the bundled CLI. It keeps
 * the algorithm, digits and period it was made with; method changes never replace its seed.
 *
 * @example
 * ```ts
 * import { TerraformStack } from 'cdktf';
 * import type { Construct } from 'constructs';
 * import { TotpEnrollment, TotpMfaMethod, TotpStore } from 'totp-kit/constructs';
 *
 * class Mfa extends TerraformStack {
 *   constructor(scope: Construct, id: string) {
 *     super(scope, id);
 *     const ops = new TotpMfaMethod(this, 'Ops', { store: TotpStore.file('.totp-kit/store.json'), methodName: 'ops', issuer: 'ACME' });
 *     for (const entityId of ['alice', 'bob']) {
 *       new TotpEnrollment(this, entityId, { method: ops, entityId, qrCodeFile: `enroll/${entityId}.png` });
 *     }
 *   }
 * }
 * ```
 */
export declare class TotpEnrollment extends TotpDeclaredResource<EnrollmentDeclaration> {
    /** The method the entity is enrolled in. */
    readonly method: TotpMfaMethod;
    /** The entity's id. */
    readonly entityId: string;
    /** The barcode file (relative to the project unless given absolute), when one was asked for. */
    readonly qrCodeFile?: string;
    constructor(scope: Construct, id: string, props: TotpEnrollmentProps);
    /** The problems of the enrollment's declaration, checked at synth (the method's name is its construct's to check). */
    protected declarationProblems(): Problem[];
}

/** Props of `TotpEnrollment`. */
export declare interface TotpEnrollmentProps {
    /**
     * The MFA method to enroll in, from the same stack; the enrollment lives in its store and is applied
     * after it (dependsOn). Changing it enrolls the entity in the other method and unenrolls it here.
     */
    readonly method: TotpMfaMethod;
    /**
     * The entity (user) id: letters, digits and `_ . @ + -` (at most 128); it is the account name
     * authenticator apps show. Changing it enrolls the new entity and unenrolls the old one.
     */
    readonly entityId: string;
    /**
     * Where apply writes the new enrollment's PNG barcode (mode 0600); a relative path is relative to
     * the project (the folder `cdktf synth` runs in) and stays relative in the synthesized JSON. An entity already enrolled keeps its secret and gets no new
     * barcode (destroy the enrollment to replace it). Changing it updates nothing in the store.
     * @default no file: the barcode cannot be shown later
     */
    readonly qrCodeFile?: string;
}

/**
 * A TOTP key declared in a store, created at `terraform apply` by the bundled CLI. Settings are checked
 * at synth with the core's schema; the seed never enters the synthesized JSON or Terraform state.
 *
 * @example
 * ```ts
 * import { TerraformStack } from 'cdktf';
 * import type { Construct } from 'constructs';
 * import { TotpKey, TotpStore } from 'totp-kit/constructs';
 *
 * class Keys extends TerraformStack {
 *   constructor(scope: Construct, id: string) {
 *     super(scope, id);
 *     const store = TotpStore.file('.totp-kit/store.json');
 *     new TotpKey(this, 'NpmBot', {
 *       store,
 *       name: 'npm-bot',
 *       generate: { issuer: 'npm', accountName: 'release-bot' },
 *       qrCodeFile: 'enroll/npm-bot.png', // written once, at the apply that makes the seed
 *     });
 *     new TotpKey(this, 'GitHub', { store, name: 'github', importFrom: 'env:GITHUB_TOTP_URL' });
 *   }
 * }
 * ```
 */
export declare class TotpKey extends TotpDeclaredResource<KeyDeclaration> {
    /** The key's name. */
    readonly name: string;
    /** The barcode file (relative to the project unless given absolute), when one was asked for. */
    readonly qrCodeFile?: string;
    constructor(scope: Construct, id: string, props: TotpKeyProps);
    /** The problems of the key's declaration, checked at synth. */
    protected declarationProblems(): Problem[];
}

/** A key generated at apply. */
export declare interface TotpKeyGenerate {
    /** Issuer shown by authenticator apps. Required; no `:`. Changing it replaces the seed. */
    readonly issuer: string;
    /** Account shown by authenticator apps. Required; no `:`. Changing it replaces the seed. */
    readonly accountName: string;
    /**
     * Seed size in bytes, 16 to 1024 (RFC 4226 asks for at least 16). Changing it replaces the seed.
     * @default 20
     */
    readonly keySize?: number;
}

/** Props of `TotpKey`. Exactly one of `generate` and `importFrom`. */
export declare interface TotpKeyProps {
    /** The store the key lives in. Changing it creates the key in the new store and deletes it from the old. */
    readonly store: TotpStore;
    /**
     * The key's name: letters, digits, `_`, `-`, `.`, `@`, starting and ending with a letter, digit or `_`
     * (at most 128), as in Vault. Changing it creates a key under the new name and deletes the old one.
     */
    readonly name: string;
    /** Generate a new seed at apply; it stays in the store. Changing any of its settings replaces the seed. */
    readonly generate?: TotpKeyGenerate;
    /**
     * Import the seed from a source reference, read once at apply and kept in the store: `env:NAME`,
     * `file:PATH`, `aws-sm:ID[#FIELD]`, `vault-kv:MOUNT/PATH#FIELD` or `store:NAME` (never the seed or
     * URL itself: those are refused at synth, unprinted). Changing it replaces the seed.
     */
    readonly importFrom?: string;
    /**
     * Issuer of an imported key; no `:`. For a generated key, give it in `generate`. Changing it updates
     * in place.
     * @default the issuer in the imported otpauth URL, else none
     */
    readonly issuer?: string;
    /**
     * Account of an imported key; no `:`. For a generated key, give it in `generate`. Changing it updates
     * in place.
     * @default the account in the imported otpauth URL, else none
     */
    readonly accountName?: string;
    /**
     * HMAC algorithm: SHA1, SHA256 or SHA512 (case-insensitive, `SHA-256` accepted). Changing it replaces
     * the seed.
     * @default SHA1 (or the imported URL's)
     */
    readonly algorithm?: string;
    /**
     * Code length: 6 or 8. Changing it replaces the seed.
     * @default 6 (or the imported URL's)
     */
    readonly digits?: number;
    /**
     * Seconds per code: a whole number above 0 (10 to 120 is usual). Changing it replaces the seed.
     * @default 30 (or the imported URL's)
     */
    readonly period?: number;
    /**
     * Periods either side accepted when validating: 0 or 1. Changing it updates in place.
     * @default 1
     */
    readonly skew?: number;
    /**
     * Barcode size in pixels, 0 to 4096; 0 means no barcode. Changing it updates in place.
     * @default 200
     */
    readonly qrSize?: number;
    /**
     * Whether apply hands out the barcode of a generated key (to `qrCodeFile`). Changing it updates in
     * place.
     * @default true
     */
    readonly exported?: boolean;
    /**
     * Where apply writes the PNG barcode (mode 0600) when it makes a new seed for a generated, exported
     * key; a relative path is relative to the project (the folder `cdktf synth` runs in). The barcode is never
     * written again for the same seed. Changing it updates nothing in the store.
     * @default no file: the barcode cannot be shown later
     */
    readonly qrCodeFile?: string;
}

/**
 * An MFA method declared in a store, created at `terraform apply` by the bundled CLI. Enroll entities
 * with `TotpEnrollment`. Settings are checked at synth with the core's schema.
 *
 * @example
 * ```ts
 * import { TerraformStack } from 'cdktf';
 * import type { Construct } from 'constructs';
 * import { TotpEnrollment, TotpMfaMethod, TotpStore } from 'totp-kit/constructs';
 *
 * class Mfa extends TerraformStack {
 *   constructor(scope: Construct, id: string) {
 *     super(scope, id);
 *     const store = TotpStore.file('.totp-kit/store.json');
 *     const ops = new TotpMfaMethod(this, 'Ops', { store, methodName: 'ops', issuer: 'ACME', maxValidationAttempts: 3 });
 *     new TotpEnrollment(this, 'Alice', { method: ops, entityId: 'alice', qrCodeFile: 'enroll/alice.png' });
 *   }
 * }
 * ```
 */
export declare class TotpMfaMethod extends TotpDeclaredResource<MethodDeclaration> {
    /** The method's name. */
    readonly methodName: string;
    /** The method's issuer. */
    readonly issuer: string;
    constructor(scope: Construct, id: string, props: TotpMfaMethodProps);
    /** The problems of the method's declaration, checked at synth. */
    protected declarationProblems(): Problem[];
}

/**
 * Props of `TotpMfaMethod`. Every change updates the method in place: skew and maxValidationAttempts
 * apply to every enrollment at once; algorithm, digits, period, keySize, qrSize and issuer apply to
 * enrollments made afterwards (an enrollment keeps what it was made with, so enrolled authenticator apps
 * keep working). No change replaces an existing enrollment's seed.
 */
export declare interface TotpMfaMethodProps {
    /** The store the method and its enrollments live in. */
    readonly store: TotpStore;
    /**
     * The method's unique name: letters, digits, `_`, `-`, `.`, `@`, starting and ending with a letter,
     * digit or `_` (at most 128). Changing it creates a method of the new name and deletes the old one:
     * its enrollments declared in this stack move with it; the delete is refused while others remain.
     */
    readonly methodName: string;
    /** Issuer shown by authenticator apps. Required; no `:`. */
    readonly issuer: string;
    /**
     * HMAC algorithm: SHA1, SHA256 or SHA512 (case-insensitive, `SHA-256` accepted). Vault's default;
     * terraform-provider-vault's `vault_identity_mfa_totp` defaults to SHA256.
     * @default SHA1
     */
    readonly algorithm?: string;
    /**
     * Code length: 6 or 8.
     * @default 6
     */
    readonly digits?: number;
    /**
     * Seconds per code: a whole number above 0 (10 to 120 is usual).
     * @default 30
     */
    readonly period?: number;
    /**
     * Seed size in bytes of new enrollments: 16 to 1024.
     * @default 20
     */
    readonly keySize?: number;
    /**
     * Barcode size in pixels of new enrollments, 0 to 4096; 0 means no barcode.
     * @default 200
     */
    readonly qrSize?: number;
    /**
     * Periods either side accepted when validating: 0 or 1.
     * @default 1
     */
    readonly skew?: number;
    /**
     * Failed validations allowed per enrollment within one period before a lockout: 1 to 1000.
     * @default 5
     */
    readonly maxValidationAttempts?: number;
}

/**
 * The shape of what the CDKTF constructs synthesize, shared by the constructs (which write it) and
 * `totp-kit plan --stack` (which reads it back): the resource types, the attribute holding their triggers,
 * and the escaping of user text for Terraform strings.
 */
/**
 * The Terraform resource a construct synthesizes: Terraform's built-in `terraform_data` (1.4 or later), or a
 * `null_resource` of the hashicorp/null provider for older Terraform.
 */
export declare type TotpResourceType = 'terraform_data' | 'null_resource';

/**
 * A totp-kit store: `TotpStore.file(path)`, `TotpStore.awsSecretsManager({ prefix, region })` or
 * `TotpStore.postgres({ urlVariable })`.
 * Every construct names the store it declares its resource in; its reference travels in the
 * resource's triggers, so moving a resource to another store recreates it there (and deletes it from
 * the old one).
 *
 * @example
 * ```ts
 * import { TotpStore } from 'totp-kit/constructs';
 *
 * const local = TotpStore.file('.totp-kit/store.json');
 * const shared = TotpStore.awsSecretsManager({ prefix: 'ci/totp', region: 'eu-west-1' });
 * const busy = TotpStore.postgres({ urlVariable: 'DATABASE_URL' }); // DATABASE_URL set where terraform applies
 * ```
 */
export declare class TotpStore {
    #private;
    /**
     * The embedded file store (one JSON file, mode 0600). A relative path is relative to the project (the
     * folder with cdktf.json, where `cdktf synth` runs), wherever it is checked out: it stays relative in the
     * synthesized JSON, and the provisioners run in the project folder. An absolute path stays as given.
     * Set `TOTP_KIT_STORE_KEY` in the environment of `terraform apply` to seal its seeds; the key never
     * enters the synthesized JSON.
     */
    static file(path: string, options?: TotpStoreOptions): TotpStore;
    /** AWS Secrets Manager: one secret per key, method and enrollment under `prefix`. */
    static awsSecretsManager(props: AwsSecretsManagerStoreProps): TotpStore;
    /**
     * PostgreSQL: one row per key, method, enrollment and lease, for state that changes on every verify and
     * lease. The synthesized JSON names only the variable (`postgres:DATABASE_URL`); the URL and its password
     * are read from the environment of `terraform apply`.
     */
    static postgres(props?: PostgresStoreProps): TotpStore;
    /**
     * The store reference the CLI gets as `TOTP_KIT_STORE` (`file:PATH`, relative to the project, `aws-sm:PREFIX`
     * or `postgres:VAR`).
     */
    readonly reference: string;
    /** The region of an AWS Secrets Manager store, when one was given. */
    readonly region?: string;
    /** The CLI the provisioners run: relative to the project, or absolute when given so. */
    readonly cliPath: string;
    /** The Terraform resource the constructs of this store synthesize. */
    readonly resourceType: TotpResourceType;
    private constructor();
    /** What makes two stores the same store: two constructs may not declare one name in it. */
    get identity(): string;
    /** Every problem of this store, each naming its setting (the constructs check them at synth). */
    problems(): Problem[];
}

/** Options of every store. */
export declare interface TotpStoreOptions {
    /**
     * The totp-kit CLI the provisioners run with `node`. A relative path is relative to the project (the
     * folder `cdktf synth` runs in), and stays relative in the synthesized JSON. Changing it changes no
     * resource: the provisioners use the CLI of the current configuration.
     * @default the `dist/cli.js` of the installed totp-kit package, next to these constructs (written
     * relative to the project)
     */
    readonly cliPath?: string;
    /**
     * The Terraform resource the constructs of this store synthesize: `terraform_data` (built in, Terraform
     * 1.4 or later) or `null_resource` (the hashicorp/null provider, for older Terraform). Switching
     * replaces every resource of the store; the store keeps every seed.
     * @default 'terraform_data'
     */
    readonly resourceType?: TotpResourceType;
}

export { }
