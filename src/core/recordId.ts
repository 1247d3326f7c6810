// A record's id as a person types it: the number the tables show, with or without their '#'.

const RECORD_ID = /^#?\d+$/;

/** Whether `word` is a record id as typed: '12' or '#12' (nothing around it). */
export function isRecordId(word: string): boolean {
  return RECORD_ID.test(word);
}

/** The digits of a typed id ('12', '#12', ' #12 ' give '12'), or undefined when `text` is not one. */
export function recordIdDigits(text: string): string | undefined {
  const trimmed = text.trim();
  return RECORD_ID.test(trimmed) ? trimmed.replace('#', '') : undefined;
}
