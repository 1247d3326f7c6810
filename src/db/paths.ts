import envPaths from 'env-paths';
import { join } from 'node:path';

/** The database in the platform's user data folder (XDG_DATA_HOME on Linux). */
export function defaultDbPath(): string {
  return join(envPaths('salesctl', { suffix: '' }).data, 'salesctl.db');
}
