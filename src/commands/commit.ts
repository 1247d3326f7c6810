// PLACEHOLDER: replaced by the real command.
import { FailureError } from '../errors.js';
export async function record(): Promise<never> { throw new FailureError('commit is not built yet'); }
export async function kept(): Promise<never> { throw new FailureError('commit is not built yet'); }
export async function broken(): Promise<never> { throw new FailureError('commit is not built yet'); }
