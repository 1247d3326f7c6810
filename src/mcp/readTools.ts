// The read-only tools: the morning, a deal's briefing, the deals, the forecast, when prospects answer, and
// what the post-mortems teach. Each runs the matching command with --json and changes nothing.
import { parseBestTime, withinBestTime } from '../core/bestTime.js';
import { isoInZone } from '../core/time.js';
import type { Reliability } from '../core/reliability.js';
import type { CauseCount } from '../core/postmortem.js';
import { dayAndTime } from '../render/instant.js';
import { DEAL_STATUSES } from '../core/vocab.js';
import type { DueItemJson, DueJson } from '../render/due.js';
import type { ShowJson } from '../commands/show.js';
import type { ListJson } from '../commands/list.js';
import type { ForecastJson } from '../render/forecast.js';
import type { ReachJson } from '../commands/stats.js';
import type { PostmortemReportJson } from '../render/postmortem.js';
import type { FollowupJson } from '../render/records.js';
import { commandLine } from './invoke.js';
import { DATE_HELP, DEAL_HELP, answerOf, count, tool, who, type ToolDefinition } from './tool.js';

const morning = tool({
  name: 'morning',
  title: 'The morning: what is due, and what has no next step',
  description:
    "Start here. The salesperson's morning (`salesctl due`): the follow-ups due today, overdue first, each with its followup_id, " +
    "prospect, channel, the time in the user's zone (due_at) and in the prospect's (their_time), purpose and the latest commitment kind. " +
    'A closure call (closure: true) is a time agreed with the prospect to bring closure, whatever they decide: keep it. ' +
    'no_next_step lists open deals with no follow-up scheduled: every interaction should end with a commitment for the next step, ' +
    'so ask the salesperson when the next contact is and schedule it (schedule_followup). gone_quiet lists deals whose prospect stopped ' +
    'answering or had no contact for weeks: call back for the truth rather than close. After a call, record it with log_outcome.',
  writes: false,
  input: (z) =>
    z.object({
      until: z.string().optional().describe(`show follow-ups due up to this time instead of the end of today, ${DATE_HELP}`),
    }),
  async call({ until }, { run }) {
    return answerOf<DueJson>(await run(commandLine(['due'], { until })), (due) => {
      const items: DueItemJson[] = due.items ?? [];
      const overdue = items.filter((i) => i.overdue).length;
      const closures = items.filter((i) => i.closure).length;
      const details = [overdue && `${overdue} overdue`, closures && count(closures, 'closure call')].filter(Boolean).join(', ');
      return (
        `${count(items.length, 'follow-up')} due${details ? ` (${details})` : ''}; ` +
        `${count((due.no_next_step ?? []).length, 'open deal')} with no next step; ` +
        `${count((due.gone_quiet ?? []).length, 'deal')} gone quiet.`
      );
    });
  },
});

const briefing = tool({
  name: 'briefing',
  title: "A deal's briefing before a call",
  description:
    'Everything to know before contacting a prospect about a deal (`salesctl show`): who they are and whether they decide the purchase, ' +
    'their time now and their best time to be reached (their_time_now, with in_best_time), their reliability (commitments kept, broken, pending), ' +
    'the commitments on the deal (delegate: someone who does not decide will pass it on; low: interest without a date; firm: a date from ' +
    'the decision maker), its follow-ups, post-mortems, the timeline with journal lines, and the last outcome of a completed follow-up. ' +
    'A prospect with several deals: name the prospect and the refusal lists their deals; call again with the id.',
  writes: false,
  input: (z) => z.object({ deal: z.string().min(1).describe(DEAL_HELP) }),
  async call({ deal }, { run, now, zone }) {
    const at = now();
    const shown = await run(commandLine(['show'], {}, [deal]));
    if (shown.code === 0) Object.assign(shown.json as object, briefingFacts(shown.json as ShowJson, at, zone));
    return answerOf<BriefingJson>(shown, (sheet) => briefingText(sheet, zone));
  },
});

/** What `briefing` adds to `show --json`. */
interface BriefingFacts {
  their_time_now: { at: string; tz: string; in_best_time: boolean | null };
  last_outcome: { followup_id: number; outcome: string | null; channel: string | null; at: string | null; notes: string | null } | null;
}

/** The briefing's document: the deal sheet and what the briefing adds. */
type BriefingJson = ShowJson & BriefingFacts;

/** What `show` leaves to the reader: the prospect's time now against their best time, and the last outcome. */
function briefingFacts(sheet: ShowJson, now: Date, zone: string): BriefingFacts {
  const prospect: Partial<ShowJson['prospect']> = sheet.prospect ?? {};
  const theirZone: string = prospect.tz ?? zone;
  const window = typeof prospect.best_time === 'string' ? parseBestTime(prospect.best_time) : null;
  const done = (sheet.followups ?? []).filter((f) => f.outcome && f.completed_at);
  const last = done.reduce<FollowupJson | null>((a, b) => (a && Date.parse(a.completed_at!) >= Date.parse(b.completed_at!) ? a : b), null);
  return {
    their_time_now: { at: isoInZone(now, theirZone), tz: theirZone, in_best_time: window ? withinBestTime(now, window, theirZone) : null },
    last_outcome: last ? { followup_id: last.id, outcome: last.outcome, channel: last.channel, at: last.completed_at, notes: last.notes } : null,
  };
}

function briefingText(sheet: BriefingJson, zone: string): string {
  const p: Partial<ShowJson['prospect']> = sheet.prospect ?? {};
  const decides = p.decision_maker === true ? 'decides the purchase' : p.decision_maker === false ? 'does not decide the purchase' : 'decider unknown';
  const now = sheet.their_time_now;
  const r: Partial<Reliability> = p.reliability ?? {};
  const pending = (sheet.commitments ?? []).filter((c) => c.status === 'pending');
  const next: FollowupJson | undefined = (sheet.followups ?? []).filter((f) => f.status === 'scheduled').sort((a, b) => Date.parse(a.due_at!) - Date.parse(b.due_at!))[0];
  const last = sheet.last_outcome;
  const lines = [
    `Deal #${sheet.id} ${sheet.title} [${sheet.status}] with ${who(p.name, p.company)}: ${decides}.`,
    `Their time now: ${dayAndTime(now.at, now.tz)} (${now.tz})` +
      (p.best_time ? `; best time ${p.best_time}${now.in_best_time ? ' (now)' : ' (not now)'}` : '; no best time known') + '.',
    `Reliability: kept ${r.kept ?? 0}, broken ${r.broken ?? 0}, pending ${r.pending ?? 0}; ${count(pending.length, 'pending commitment')} on this deal.`,
    next ? `Next step: ${next.purpose} #${next.id} by ${next.channel} at ${dayAndTime(next.due_at!, zone)}.` : 'No next step scheduled.',
    last ? `Last outcome: ${last.outcome} by ${last.channel} on ${dayAndTime(last.at!, zone)}.` : 'No completed follow-up yet.',
  ];
  return lines.join('\n');
}

const findDeals = tool({
  name: 'find_deals',
  title: 'Find deals',
  description:
    'The deals (`salesctl list`), open ones unless status says otherwise, each with its prospect, value, status, next scheduled ' +
    'follow-up (next_followup_at; null means no next step) and latest commitment kind. Use it to find a deal id by name.',
  writes: false,
  input: (z) =>
    z.object({
      search: z.string().optional().describe("only deals whose prospect's name, company or deal title contains this (any case)"),
      status: z
        .array(z.enum([...DEAL_STATUSES, 'all']))
        .optional()
        .describe('which deals: open (default), won, lost, not-now, or all'),
    }),
  async call({ search, status }, { run }) {
    const statuses = status?.length ? status.join(',') : undefined;
    return answerOf<ListJson, 'deals'>(await run(commandLine(['list'], { status: statuses, search })), (found) => `${count(found.deals.length, 'deal')}.`, 'deals');
  },
});

const forecast = tool({
  name: 'forecast',
  title: 'The forecast: what is really coming in',
  description:
    'The forecast (`salesctl forecast`): only open deals whose latest commitment is a pending firm one (a date from the decision maker) ' +
    'count, totalled per currency. Low and delegate commitments are pipeline and are never summed: the forecast does not assume the sale.',
  writes: false,
  input: (z) => z.object({}),
  async call(_input, { run }) {
    return answerOf<ForecastJson, 'totals'>(
      await run(commandLine(['forecast'], {})),
      (f) => (f.totals.length ? f.totals.map((t) => `${t.currency} ${t.total} from ${count(t.deals.length, 'deal')}`).join('; ') : 'Nothing firm yet: no deal counts in the forecast.'),
      'totals',
    );
  },
});

const reach = tool({
  name: 'reach',
  title: 'When prospects really answer',
  description:
    "Completed follow-ups counted per channel and hour of the day in the prospect's own zone (`salesctl stats reach`): attempts and " +
    'how many reached the prospect. Use it to choose when and how to contact someone, with their best time.',
  writes: false,
  input: (z) => z.object({ prospect: z.string().optional().describe("only this prospect (a piece of their name)") }),
  async call({ prospect }, { run }) {
    return answerOf<ReachJson, 'cells'>(
      await run(commandLine(['stats', 'reach'], { prospect })),
      (r) => {
        const best = [...r.cells].filter((c) => c.reached > 0).sort((a, b) => b.reached / b.attempts - a.reached / a.attempts || b.reached - a.reached)[0];
        const attempts = r.cells.reduce((sum: number, c) => sum + c.attempts, 0);
        return `${count(attempts, 'completed follow-up')}` + (best ? `; best so far: ${best.channel} at ${best.hour}:00 their time (${best.reached} of ${best.attempts} reached).` : '.');
      },
      'cells',
    );
  },
});

const postmortemReport = tool({
  name: 'postmortem_report',
  title: 'What the post-mortems teach',
  description:
    'Root causes counted across every post-mortem, the causes that repeat, and the lessons written, newest first ' +
    '(`salesctl postmortem report`). A cause that repeats is the thing to change first.',
  writes: false,
  input: (z) => z.object({}),
  async call(_input, { run }) {
    return answerOf<PostmortemReportJson>(await run(commandLine(['postmortem', 'report'], {})), (report) => {
      const causes: CauseCount[] = report.causes ?? [];
      if (!causes.length) return 'No post-mortems yet.';
      return `Root causes: ${causes.map((c) => `${c.cause} ${c.count}`).join(', ')}; ${count((report.lessons ?? []).length, 'lesson')}.`;
    });
  },
});

export const READ_TOOLS: ToolDefinition[] = [morning, briefing, findDeals, forecast, reach, postmortemReport];
