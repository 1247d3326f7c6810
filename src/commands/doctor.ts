// PLACEHOLDER: replaced by the real command.
import { FailureError } from '../errors.js';
export async function run(): Promise<never> { throw new FailureError('doctor is not built yet'); }
