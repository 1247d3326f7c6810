import type { View } from './text.js';

/** What a command returns: the data, and how it reads as text and (for listings) as CSV. */
export interface Result {
  /** The --json document. */
  json: unknown;
  /** What a terminal or a pipe shows when neither --json nor --csv is given. */
  text(view: View): string;
  /** Listings only: the --csv document. */
  csv?(): string | Promise<string>;
}
