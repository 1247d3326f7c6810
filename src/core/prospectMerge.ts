// Never overwrite in silence: what `add` does with the details it is given for a prospect who exists.

/** The prospect details `add` can be given, as stored (null: not known / not given). */
export interface ProspectDetails {
  name: string;
  company: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  decision_maker: 0 | 1 | null;
  segment: string | null;
  tz: string | null;
  best_time_start: string | null;
  best_time_end: string | null;
  channel: string | null;
  notes: string | null;
}

/** A detail given that differs from the stored one. */
export interface Difference {
  field: string;
  /** The detail in the salesperson's words ('zone', 'company spelling'). */
  label: string;
  stored: string;
  given: string;
}

const LABELS: Record<string, string> = {
  name: 'name spelling', company: 'company spelling', role: 'role', email: 'email', phone: 'phone', decision_maker: 'decision maker',
  segment: 'segment', tz: 'zone', best_time: 'best time', channel: 'channel', notes: 'note',
};

const show = (field: string, value: unknown): string =>
  field === 'decision_maker' ? (value === 1 ? 'decides' : 'does not decide') : String(value);

/**
 * What to write on the existing prospect: every empty detail that was given is filled; a given detail that
 * differs from the stored one is replaced only with `update`, and is listed in `differences` either way.
 * The best time is one detail (start and end together). Name and company match case-insensitively (that is
 * how the prospect was found), so a difference of spelling is a difference.
 */
export function mergeProspect(stored: ProspectDetails, given: ProspectDetails, update: boolean): { changes: Partial<ProspectDetails>; differences: Difference[] } {
  const changes: Partial<ProspectDetails> = {};
  const differences: Difference[] = [];
  const consider = (field: keyof ProspectDetails) => {
    const want = given[field];
    const have = stored[field];
    if (want === null || want === undefined || want === '' || want === have) return;
    if (have === null || have === '') {
      (changes as Record<string, unknown>)[field] = want;
      return;
    }
    differences.push({ field, label: LABELS[field]!, stored: show(field, have), given: show(field, want) });
    if (update) (changes as Record<string, unknown>)[field] = want;
  };
  for (const field of ['name', 'company', 'role', 'email', 'phone', 'decision_maker', 'segment', 'tz', 'channel', 'notes'] as const) consider(field);
  if (given.best_time_start !== null && (given.best_time_start !== stored.best_time_start || given.best_time_end !== stored.best_time_end)) {
    const fill = stored.best_time_start === null;
    if (!fill) {
      differences.push({
        field: 'best_time', label: LABELS.best_time!, stored: `${stored.best_time_start}-${stored.best_time_end}`, given: `${given.best_time_start}-${given.best_time_end}`,
      });
    }
    if (fill || update) {
      changes.best_time_start = given.best_time_start;
      changes.best_time_end = given.best_time_end;
    }
  }
  return { changes, differences };
}

/** The warning for the differences: what was kept (or replaced with --update), in one line. */
export function differenceWarning(prospect: string, differences: Difference[], updated: boolean): string {
  const list = differences.map((d) => `${d.label} '${d.stored}'${updated ? ` → '${d.given}'` : ` (not '${d.given}')`}`).join(', ');
  return updated
    ? `${prospect} exists: replaced ${list} (--update), on every deal of theirs`
    : `${prospect} exists and keeps ${list}: add --update to replace`;
}
