// PLACEHOLDER: replaced by the real command.
import { FailureError } from '../errors.js';
export async function schedule(): Promise<never> { throw new FailureError('followup is not built yet'); }
export async function done(): Promise<never> { throw new FailureError('followup is not built yet'); }
export async function reschedule(): Promise<never> { throw new FailureError('followup is not built yet'); }
export async function cancel(): Promise<never> { throw new FailureError('followup is not built yet'); }
