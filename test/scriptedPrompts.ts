// @inquirer/prompts replaced by scripted answers, for tests of what a command asks on a terminal:
//   vi.mock('@inquirer/prompts', async () => (await import('../scriptedPrompts.js')).prompts);
// Each prompt records its message in `asked`, takes the next of `answers`, and runs the prompt's own
// validate(), so a rejected answer fails the test instead of being accepted silently.

/** The questions asked so far, in order. */
export const asked: string[] = [];
const queue: unknown[] = [];

/** Sets the answers the next prompts will give, and forgets earlier questions. */
export function script(...answers: unknown[]): void {
  asked.length = 0;
  queue.splice(0, queue.length, ...answers);
}

async function answer(config: { message: string; validate?: (value: any) => unknown }): Promise<unknown> {
  asked.push(config.message);
  const value = queue.shift();
  if (config.validate) {
    const verdict = await config.validate(value);
    if (verdict !== true) throw new Error(`rejected: ${verdict}`);
  }
  return value;
}

export const prompts = { input: answer, select: answer, checkbox: answer, confirm: answer };
