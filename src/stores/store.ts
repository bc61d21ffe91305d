/**
 * The store interface (PRODUCT.md "Stores"): where keys, MFA methods, enrollments and their validation
 * state live. Every change to one record is an atomic read-modify-write — under a lock in the file
 * store, a compare-and-swap in AWS Secrets Manager — so concurrent validations never accept one code
 * twice and concurrent writers never lose each other's records.
 */
import type { SecretBox } from './secret-box.js';

/** The kinds of record a store holds. */
export type RecordKind = 'key' | 'method' | 'enrollment' | 'lease';

/**
 * A record as callers see it: a JSON object. Seeds inside are sealed by the store's `SecretBox`; with a store key,
 * the store also authenticates each record as a whole (record-auth.ts) and refuses one that does not.
 */
export type StoreRecord = { readonly [field: string]: unknown };

/** What an update function decides: its result, and the record's next state. */
export interface Change<T> {
  readonly result: T;
  /** The new record; `null` deletes it; absent leaves it unchanged (nothing is written). */
  readonly next?: StoreRecord | null | undefined;
}

/** A store of records, chosen by a reference (`file:PATH`, `aws-sm:PREFIX`). */
export interface Store {
  /** The reference the store was opened with, safe to print. */
  readonly reference: string;
  /** Seals and opens seeds (AES-256-GCM when TOTP_KIT_STORE_KEY is set). */
  readonly secrets: SecretBox;
  /** One record, or undefined when there is none. */
  get(kind: RecordKind, id: string): Promise<StoreRecord | undefined>;
  /** The ids of every record of a kind, sorted. */
  list(kind: RecordKind): Promise<string[]>;
  /**
   * Reads one record, lets `change` decide, and writes the outcome atomically. `change` may run more
   * than once when a concurrent writer got in first, so it must not have side effects of its own.
   */
  update<T>(kind: RecordKind, id: string, change: (current: StoreRecord | undefined) => Change<T>): Promise<T>;
}
