// What a change recorded in the undo log did, in the salesperson's words: one line per change for
// `salesctl undo --list` and the question `undo` asks. Pure: the log rows and the deals' names come in.

/** One row of the undo log, as the describer needs it. */
export interface LoggedChange {
  tbl: string;
  op: 'insert' | 'update' | 'range';
  row_id: number;
  row_last: number;
  deal_id: number | null;
  /** For deals, commitments and follow-ups: 'old>new' status; for deals ' rhythm' after it when the rhythm changed. */
  note: string | null;
}

/** What happened to one deal in a change, in order. */
function actionsOf(rows: LoggedChange[]): string[] {
  const actions: string[] = [];
  let cancelled = 0;
  let superseded = 0;
  let details = false;
  let rhythm = false;
  for (const row of rows) {
    const note = row.note ?? '';
    if (note.endsWith(' rhythm')) rhythm = true;
    const [from, to] = note.replace(/ rhythm$/, '').split('>');
    const changed = from !== to;
    switch (`${row.tbl}:${row.op}`) {
      case 'deals:insert':
        actions.push('deal added');
        break;
      case 'deals:update':
        if (!changed) details = true;
        else if (to === 'open') actions.push(`reopened (was ${from})`);
        else actions.push(`closed as ${to}`);
        break;
      case 'commitments:insert':
        actions.push(`commitment #${row.row_id} recorded`);
        break;
      case 'commitments:update':
        if (to === 'superseded') superseded++;
        else actions.push(changed ? `commitment #${row.row_id} marked ${to}` : `commitment #${row.row_id} changed`);
        break;
      case 'followups:insert':
        actions.push(`follow-up #${row.row_id} scheduled`);
        break;
      case 'followups:update':
        if (to === 'cancelled') cancelled++;
        else if (to === 'done') actions.push(`follow-up #${row.row_id} done`);
        else if (!changed) actions.push(`follow-up #${row.row_id} moved`);
        else actions.push(`follow-up #${row.row_id} ${to}`);
        break;
      case 'postmortems:insert':
        actions.push('post-mortem written');
        break;
      case 'journal:insert':
        actions.push('journal line written');
        break;
      default:
    }
  }
  if (rhythm) actions.push('rhythm changed');
  else if (details && !actions.some((a) => a.startsWith('closed') || a.startsWith('reopened') || a === 'deal added')) actions.push('deal details changed');
  if (superseded) actions.push(`${superseded} pending commitment${superseded === 1 ? '' : 's'} superseded`);
  if (cancelled) actions.push(`${cancelled} follow-up${cancelled === 1 ? '' : 's'} cancelled`);
  return [...new Set(actions)];
}

/**
 * One line for a change: per deal, '#4 Fleet — Budi Santoso: closed as not-now, follow-up #9 scheduled';
 * a change of many deals (a restore) is counted instead; prospects' own changes are named by prospect.
 * `deals` gives each deal's label, `prospects` each prospect's name.
 */
export function describeChange(rows: LoggedChange[], deals: Map<number, string>, prospects: Map<number, string>): string {
  const addedDeals = rows.filter((r) => r.tbl === 'deals' && r.op === 'insert').length;
  if (addedDeals > 3) return `${addedDeals} deals added`;
  const byDeal = new Map<number, LoggedChange[]>();
  const parts: string[] = [];
  const newProspects = new Set(rows.filter((r) => r.tbl === 'prospects' && r.op === 'insert').map((r) => r.row_id));
  for (const row of rows) {
    if (row.deal_id === null) continue;
    const list = byDeal.get(row.deal_id) ?? [];
    list.push(row);
    byDeal.set(row.deal_id, list);
  }
  for (const [deal, list] of byDeal) {
    const actions = actionsOf(list);
    if (actions.length) parts.push(`${deals.get(deal) ?? `deal #${deal}`}: ${actions.join(', ')}`);
  }
  for (const row of rows) {
    if (row.tbl !== 'prospects') continue;
    const name = prospects.get(row.row_id) ?? `prospect #${row.row_id}`;
    if (row.op === 'insert') parts.push(`new prospect ${name}`);
    else if (row.op === 'update' && !newProspects.has(row.row_id)) parts.push(`details of ${name} changed`);
  }
  return [...new Set(parts)].join('; ') || 'a change with nothing to show';
}
