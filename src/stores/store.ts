/**
 * The store interface (docs/stores.md): where keys, MFA methods, enrollments and their validation
 * state live. Every change to one record is an atomic read-modify-write — under a lock in the file
 * store, a compare-and-swap in AWS Secrets Manager, a row lock in PostgreSQL — so concurrent validations never accept one code
 * twice and concurrent writers never lose each other's records.
 */

/** The kinds of record a store holds: keys, MFA methods, enrollments, and the leases of `freshCode`. */
export type RecordKind = 'key' | 'method' | 'enrollment' | 'lease';

/**
 * A record as a store holds it: a JSON object. Seeds inside are sealed by the store's `secrets`; with a store
 * key, the store also authenticates each record as a whole and refuses one that does not.
 */
export type StoreRecord = { readonly [field: string]: unknown };

/** What an update function of `Store.update` decides: its result, and the record's next state. */
export interface Change<T> {
  /** What `update` returns. */
  readonly result: T;
  /** The new record; `null` deletes it; absent leaves it unchanged (nothing is written). */
  readonly next?: StoreRecord | null | undefined;
}

/**
 * How a store keeps the seeds in its records: sealed with AES-256-GCM under TOTP_KIT_STORE_KEY when it is set,
 * else as Base32. The key, method and enrollment functions use it; apps need not.
 */
export interface StoreSecrets {
  /**
   * Seals a seed for the record `context` (`key/NAME`): Base32 text without a store key, else an AES-256-GCM
   * envelope bound to the record.
   */
  seal(secret: Uint8Array, context: string): string | object;
  /**
   * Opens a seed sealed for the record `context`; `what` names the record in errors.
   * @throws `TotpKitError` (bad-input) when the store key is missing or wrong; (backend) for a damaged seed.
   */
  open(sealed: unknown, context: string, what: string): Uint8Array;
}

/**
 * A store of keys, MFA methods and enrollments, opened by `openStore` from a reference (`file:PATH`,
 * `aws-sm:PREFIX`, `postgres:VAR`). Pass it to the resource functions in a `ResourceContext`.
 */
export interface Store {
  /** The reference the store was opened with, safe to print. */
  readonly reference: string;
  /** Seals and opens the seeds in its records. */
  readonly secrets: StoreSecrets;
  /** One record, or undefined when there is none. */
  get(kind: RecordKind, id: string): Promise<StoreRecord | undefined>;
  /** The ids of every record of a kind, sorted. */
  list(kind: RecordKind): Promise<string[]>;
  /**
   * Reads one record, lets `change` decide, and writes the outcome atomically. `change` may run more
   * than once when a concurrent writer got in first, so it must not have side effects of its own.
   */
  update<T>(kind: RecordKind, id: string, change: (current: StoreRecord | undefined) => Change<T>): Promise<T>;
  /**
   * Lets go of what the store holds open (a `postgres:` store's connections), for long-lived processes; the
   * store is not used afterwards. Optional for stores of your own; every store `openStore` returns has it.
   */
  close?(): Promise<void>;
}
