// PLACEHOLDER: replaced by the real command.
import { FailureError } from '../errors.js';
export async function record(): Promise<never> { throw new FailureError('postmortem is not built yet'); }
export async function report(): Promise<never> { throw new FailureError('postmortem is not built yet'); }
