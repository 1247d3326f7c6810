// PLACEHOLDER: replaced by the real command.
import { FailureError } from '../errors.js';
export async function run(): Promise<never> { throw new FailureError('import is not built yet'); }
