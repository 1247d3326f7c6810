// PLACEHOLDER: replaced by the real command.
import { FailureError } from '../errors.js';
export async function reach(): Promise<never> { throw new FailureError('stats is not built yet'); }
