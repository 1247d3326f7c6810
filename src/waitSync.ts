/**
 * Blocks this thread for `ms` milliseconds, for the waits that must stay synchronous: a full non-blocking
 * pipe, a lock being retried inside a synchronous database call.
 */
export function waitSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
