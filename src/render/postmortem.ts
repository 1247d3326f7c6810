// Post-mortems as JSON and as text: one post-mortem, and the report across all of them.
import { ROOT_CAUSES } from '../core/vocab.js';
import type { CauseCount, Repeats } from '../core/postmortem.js';
import type { PostmortemRow, PostmortemWithDeal } from '../db/postmortems.js';
import { day, instant } from './instant.js';
import { POSTMORTEM, shapedJson, type PostmortemJson } from './records.js';
import { bars } from './bars.js';
import { wrap } from './layout.js';
import { paint, safe, table, type View } from './text.js';

/** A post-mortem as JSON. */
export function postmortemJson(pm: PostmortemRow, zone: string): PostmortemJson {
  return shapedJson(
    POSTMORTEM,
    [pm.id, pm.deal_id, pm.outcome, pm.what_happened, pm.assumption, pm.causes, pm.reviewers, pm.feedback, pm.lesson, pm.created_at],
    (stored) => instant(stored, zone),
  );
}

/** The lines of one post-mortem after its heading: empty answers are left out. */
export function postmortemLines(pm: PostmortemRow): string {
  const lines: Array<[string, string | null]> = [
    ['What happened', pm.what_happened],
    ['Assumption', pm.assumption],
    ['Root causes', pm.causes.map((c) => `${c}: ${ROOT_CAUSES[c]}`).join('; ') || null],
    ['Reviewed with', pm.reviewers.join(', ') || null],
    ['Their feedback', pm.feedback],
    ['Lesson', pm.lesson],
  ];
  return lines
    .filter(([, value]) => value)
    .map(([label, value]) => `  ${`${label}:`.padEnd(16)}${safe(value)}\n`)
    .join('');
}

export interface PostmortemReport {
  causes: CauseCount[];
  lessons: PostmortemWithDeal[];
  repeats: Repeats;
}

/** A lesson in `postmortem report --json`. */
export interface LessonJson {
  postmortem_id: number;
  deal_id: number;
  prospect: string;
  company: string | null;
  lesson: string | null;
  created_at: string | null;
}

/** `postmortem report --json`. */
export interface PostmortemReportJson {
  causes: CauseCount[];
  lessons: LessonJson[];
  repeats: Repeats;
}

/** The report as JSON: causes and lessons as named in the contract. */
export function reportJson(report: PostmortemReport, zone: string): PostmortemReportJson {
  return {
    causes: report.causes,
    lessons: report.lessons.map((pm) => ({
      postmortem_id: pm.id,
      deal_id: pm.deal_id,
      prospect: pm.prospect_name,
      company: pm.company || null,
      lesson: pm.lesson,
      created_at: instant(pm.created_at, zone),
    })),
    repeats: report.repeats,
  };
}

/** Root causes as a bar chart, the repeats, then the lessons, newest first. */
export function reportText(report: PostmortemReport, view: View): string {
  const c = paint(view);
  const { repeats } = report;
  if (!repeats.total) return 'No post-mortems yet.\n';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  let out = `${c.bold('Root causes')} across ${plural(repeats.total, 'post-mortem')}\n`;
  out += bars(
    report.causes.map((cc) => ({ label: cc.cause, value: cc.count })),
    { width: 30, paintBar: (bar) => c.cyan(bar) },
  );
  out += '\n';
  if (repeats.count) {
    const which = repeats.causes.map((cc) => `${cc.cause} ×${cc.count}`).join(', ');
    out += `${wrap(`${c.yellow('Repeated')}: ${repeats.count} of ${plural(repeats.total, 'post-mortem')} named a cause already recorded before (${which})`, view.isTTY ? view.width ?? 80 : Infinity, 2)}\n`;
  } else {
    out += 'Repeated: no post-mortem named a cause already recorded before\n';
  }
  out += `\n${c.bold('Lessons')}\n`;
  if (!report.lessons.length) return `${out}No lessons written yet.\n`;
  const rows = report.lessons.map((pm) => [day(pm.created_at, view), `#${pm.deal_id}`, pm.prospect_name, pm.lesson]);
  return out + table(view, ['Date', 'Deal', 'Prospect', { header: 'Lesson', cut: 1 }], rows);
}
