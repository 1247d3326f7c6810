// The days the time tests run on, shared with the long suite.
/** [zone, a local date: an ordinary day, or the day before / of a daylight-saving change]. */
export const DAYS: Array<[string, string]> = [
  ['UTC', '2026-11-22'],
  ['America/New_York', '2026-11-22'],
  ['America/New_York', '2026-03-07'], // clocks spring forward in the night after
  ['America/New_York', '2026-03-08'], // a 23-hour day
  ['America/New_York', '2026-10-31'], // clocks fall back in the night after
  ['America/New_York', '2026-11-01'], // a 25-hour day
  ['Asia/Jakarta', '2026-11-22'],
  ['Australia/Lord_Howe', '2026-04-04'], // half an hour back in the night after
  ['Australia/Lord_Howe', '2026-10-03'], // half an hour forward in the night after
  ['Pacific/Kiritimati', '2026-11-22'], // UTC+14: its day is mostly UTC's yesterday
  ['Pacific/Kiritimati', '2026-12-31'],
  ['America/Santiago', '2026-09-05'], // midnight does not exist in the night after (00:00 → 01:00)
  ['America/Santiago', '2026-04-04'], // midnight happens twice in the night after
];
