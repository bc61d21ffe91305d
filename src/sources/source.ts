/** The one interface every source implements (PRODUCT.md "Sources"), shared by the CLI, action and constructs. */
import type { SeedText } from '../core/seed-text.js';

/** Where a seed is read from. `reference` is the text the user wrote (`env:TOTP_SEED`), safe to print. */
export interface SeedSource {
  readonly reference: string;
  /** Reads and parses the seed. Failures name the reference and never contain seed material. */
  read(): Promise<SeedText>;
}
