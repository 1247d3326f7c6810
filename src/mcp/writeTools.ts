// The tools that record what happened. Each runs the same command as the CLI, so the same rules, warnings
// and one transaction apply; none deletes anything (closing cancels scheduled follow-ups, as `close` does).
import {
  CHANNELS, COMMITMENT_KINDS, NEXT_ACTIONS, OUTCOMES, PAYMENT_FORMS, POSTMORTEM_OUTCOMES, PURPOSES, ROOT_CAUSES, ROOT_CAUSE_NAMES,
} from '../core/vocab.js';
import { POSTMORTEM_QUESTIONS as Q } from '../core/postmortem.js';
import type { AddJson } from '../commands/add.js';
import type { CloseJson } from '../commands/close.js';
import type { CommitJson, CommitResolvedJson } from '../commands/commit.js';
import type { FollowupDoneJson } from '../commands/followup.js';
import type { LogJson } from '../commands/log.js';
import type { FollowupJson, PostmortemJson } from '../render/records.js';
import { commandLine } from './invoke.js';
import { DATE_HELP, DATE_ONLY_FOLLOWUP, DEAL_HELP, answerOf, count, tool, who, type ToolDefinition } from './tool.js';

/** The questions of the guided post-mortem (`salesctl postmortem` on a terminal), each with the record_postmortem field it fills. */
const POSTMORTEM_QUESTIONS = [
  { field: 'what', question: Q.what },
  { field: 'assumption', question: Q.assumption },
  { field: 'causes', question: `${Q.causes}: which of ${ROOT_CAUSE_NAMES.join(', ')}?` },
  { field: 'reviewers', question: `${Q.reviewers} (${Q.reviewerExamples})` },
  { field: 'feedback', question: Q.feedback },
  { field: 'lesson', question: Q.lesson },
] as const;

const at = (f: Pick<FollowupJson, 'due_at'>, label = 'at') => `${label} ${f.due_at}`;

const logOutcome = tool({
  name: 'log_outcome',
  title: "Record a follow-up's outcome and the next step",
  description:
    'Completes a scheduled follow-up (its followup_id from morning or briefing) with what happened, and schedules the next step in the ' +
    'same transaction (`salesctl followup done --next`). Every interaction should end with a commitment for the next step: ask the ' +
    'salesperson when the next contact was agreed and pass it as next. Without next, when nothing else is scheduled on the deal, ' +
    'the answer warns that the deal has no next step. A next time outside the prospect\'s best time warns too. If the prospect ' +
    'promised something, also call record_commitment.',
  writes: true,
  input: (z) =>
    z.object({
      followup_id: z.number().int().positive().describe('the follow-up that happened'),
      outcome: z.enum(OUTCOMES).describe('what happened: reached, replied and meeting-held count as reaching the prospect'),
      note: z.string().optional().describe('what was said'),
      next: z.string().optional().describe(`when the next follow-up is, ${DATE_HELP}${DATE_ONLY_FOLLOWUP}`),
      next_channel: z.enum(CHANNELS).optional().describe('channel of the next follow-up (default: the same)'),
      next_purpose: z.enum(PURPOSES).optional().describe('purpose of the next follow-up (default: follow-up; closure for an agreed closure call)'),
    }),
  async call(input, { run }) {
    const argv = commandLine(
      ['followup', 'done'],
      { outcome: input.outcome, note: input.note, next: input.next, 'next-channel': input.next_channel, 'next-purpose': input.next_purpose },
      [input.followup_id],
    );
    return answerOf<FollowupDoneJson>(await run(argv), (done) =>
      `Follow-up #${done.id} done: ${done.outcome}.` +
      (done.next ? ` Next: ${done.next.purpose} #${done.next.id} by ${done.next.channel} ${at(done.next)}.` : ' No next follow-up scheduled by this call.'),
    );
  },
});

const scheduleFollowup = tool({
  name: 'schedule_followup',
  title: 'Schedule a follow-up',
  description:
    "Schedules the next contact on a deal (`salesctl followup`), in the prospect's day: a time outside their best-time window, or in " +
    'the past, is kept but warns. A closure call (closure: true) is a time agreed with the prospect to bring closure, whatever they ' +
    'decide; agreed: true says the time was agreed with them. Purposes: follow-up, closure, truth (ask for the real answer when a ' +
    'prospect went quiet), feedback, nurture (keep in touch after a "not now").',
  writes: true,
  input: (z) =>
    z.object({
      deal: z.string().min(1).describe(DEAL_HELP),
      at: z.string().min(1).describe(`when, ${DATE_HELP}${DATE_ONLY_FOLLOWUP}`),
      channel: z.enum(CHANNELS).optional().describe("how (default: the prospect's preferred channel, else call)"),
      purpose: z.enum(PURPOSES).optional().describe('why (default: follow-up)'),
      closure: z.boolean().optional().describe('a closure call: the time was agreed to bring closure (implies agreed)'),
      agreed: z.boolean().optional().describe('the time was agreed with the prospect'),
      note: z.string().optional(),
    }),
  async call(input, { run }) {
    const { deal, ...flags } = input;
    return answerOf<FollowupJson>(await run(commandLine(['followup'], flags, [deal])), (f) =>
      `Scheduled ${f.purpose} #${f.id} by ${f.channel} on deal #${f.deal_id} ${at(f)}${f.agreed ? ' (agreed)' : ''}.`,
    );
  },
});

const recordCommitment = tool({
  name: 'record_commitment',
  title: 'Record a commitment the prospect gave',
  description:
    'Records what a prospect promised (`salesctl commit`), judged by its kind: ' +
    `delegate (someone who does not decide will pass it on; next: ${NEXT_ACTIONS.delegate}), ` +
    `low (interest without a date; next: ${NEXT_ACTIONS.low}), ` +
    `firm (a date from the decision maker, so by is required; next: ${NEXT_ACTIONS.firm}). ` +
    'The answer carries next_action. A firm promise from someone who does not decide warns: it only holds with the decision ' +
    "maker's approval. Only a pending firm commitment counts in the forecast. Earlier pending commitments stay pending unless supersede.",
  writes: true,
  input: (z) =>
    z.object({
      deal: z.string().min(1).describe(DEAL_HELP),
      kind: z.enum(COMMITMENT_KINDS),
      what: z.string().min(1).describe('what was promised, in their words'),
      from: z.string().optional().describe('who gave it, when not the prospect'),
      by: z.string().optional().describe(`the promised date (required for firm), ${DATE_HELP}; a date alone means 09:00 that day`),
      payment: z.enum(PAYMENT_FORMS).optional().describe('payment form of a firm commitment: dp (down payment) or full'),
      supersede: z.boolean().optional().describe("mark the deal's pending commitments as superseded by this one"),
    }),
  async call({ deal, kind, what, ...flags }, { run }) {
    return answerOf<CommitJson>(await run(commandLine(['commit'], flags, [deal, kind, what])), (c) =>
      `Recorded ${c.kind} commitment #${c.id} on deal #${c.deal_id}${c.promised_at ? ` by ${c.promised_at}` : ''}. Next: ${c.next_action}.`,
    );
  },
});

const resolveCommitment = tool({
  name: 'resolve_commitment',
  title: 'Mark a commitment kept or broken',
  description:
    'Records how a pending commitment ended (`salesctl commit kept|broken`): kept when the prospect did what they promised, broken ' +
    "when the date passed without it. Kept and broken commitments add up to the prospect's reliability, which the answer carries.",
  writes: true,
  input: (z) =>
    z.object({
      commitment_id: z.number().int().positive().describe('the commitment (its id in briefing)'),
      status: z.enum(['kept', 'broken']),
      note: z.string().optional().describe('what happened'),
    }),
  async call({ commitment_id, status, note }, { run }) {
    return answerOf<CommitResolvedJson>(await run(commandLine(['commit', status], { note }, [commitment_id])), (c) =>
      `Commitment #${c.id} ${c.status}. Reliability: kept ${c.reliability?.kept ?? 0}, broken ${c.reliability?.broken ?? 0}, pending ${c.reliability?.pending ?? 0}.`,
    );
  },
});

const rescheduleFollowup = tool({
  name: 'reschedule_followup',
  title: 'Move a scheduled follow-up',
  description:
    "Moves a scheduled follow-up to another time (`salesctl followup reschedule`), in the prospect's day: a time outside their " +
    'best-time window, or in the past, is kept but warns. The move is recorded on the deal\'s timeline.',
  writes: true,
  input: (z) =>
    z.object({
      followup_id: z.number().int().positive(),
      at: z.string().min(1).describe(`the new time, ${DATE_HELP}${DATE_ONLY_FOLLOWUP}`),
    }),
  async call({ followup_id, at: when }, { run }) {
    return answerOf<FollowupJson>(await run(commandLine(['followup', 'reschedule'], { at: when }, [followup_id])), (f) =>
      `Moved ${f.purpose} #${f.id} on deal #${f.deal_id} to ${f.due_at}.`,
    );
  },
});

const addJournalLine = tool({
  name: 'add_journal_line',
  title: "Write a line in the deal's journal",
  description:
    "Adds a line to the deal's journal (`salesctl log`): what happened that is not a follow-up or a commitment. It shows on the " +
    "deal's timeline in briefing.",
  writes: true,
  input: (z) =>
    z.object({
      deal: z.string().min(1).describe(DEAL_HELP),
      text: z.string().min(1).describe('what happened'),
      tags: z.array(z.string()).optional().describe('tags, e.g. pricing'),
    }),
  async call({ deal, text, tags }, { run }) {
    return answerOf<LogJson>(await run(commandLine(['log'], { tag: tags }, [deal, text])), (entry) => `Logged on deal #${entry.deal_id} at ${entry.at}.`);
  },
});

const closeDeal = tool({
  name: 'close_deal',
  title: 'Close a deal: won, lost or not now',
  description:
    'Closes an open deal (`salesctl close`) and cancels its scheduled follow-ups. "No" means "not now": when the prospect declines ' +
    'for now, close as not-now with revisit, the date they agreed to hear from you again, which schedules that nurture follow-up. ' +
    'lost is for a deal that is really gone: the answer carries postmortem_questions; ask the salesperson them while it is fresh ' +
    'and record the answers with record_postmortem.',
  writes: true,
  input: (z) =>
    z.object({
      deal: z.string().min(1).describe(DEAL_HELP),
      status: z.enum(['won', 'lost', 'not-now']),
      revisit: z.string().optional().describe(`with not-now (required there): when the prospect agreed to be contacted again, ${DATE_HELP}${DATE_ONLY_FOLLOWUP}`),
      reason: z.string().optional().describe('why it was lost or put off'),
    }),
  async call({ deal, status, ...flags }, { run }) {
    const closed = await run(commandLine(['close'], flags, [deal, status]));
    if (closed.code === 0 && status === 'lost') Object.assign(closed.json as object, { postmortem_questions: POSTMORTEM_QUESTIONS });
    return answerOf<CloseJson>(closed, (d) => {
      const cancelled = d.cancelled_followups ? ` ${count(d.cancelled_followups, 'scheduled follow-up')} cancelled.` : '';
      // not-now always schedules the nurture follow-up (close refuses one without --revisit or --every).
      if (d.status === 'not-now') return `Deal #${d.id} is not now; nurture ${d.revisit_followup!.channel} #${d.revisit_followup!.id} ${at(d.revisit_followup!)}.${cancelled}`;
      if (d.status === 'won') return `Deal #${d.id} won.${cancelled}`;
      return `Deal #${d.id} lost.${cancelled} Ask for the post-mortem:\n${POSTMORTEM_QUESTIONS.map((q) => `- ${q.question}`).join('\n')}`;
    });
  },
});

const recordPostmortem = tool({
  name: 'record_postmortem',
  title: 'Record a post-mortem',
  description:
    'Records the reflection on a lost, won or stalled deal (`salesctl postmortem`), so the causes that repeat become visible. A failed ' +
    'close is normal: look for the cause in what was done. Root causes: ' +
    ROOT_CAUSE_NAMES.map((name) => `${name} (${ROOT_CAUSES[name]})`).join(', ') +
    '. At least one cause and the lesson are required.',
  writes: true,
  input: (z) =>
    z.object({
      deal: z.string().min(1).describe(DEAL_HELP),
      causes: z.array(z.enum(ROOT_CAUSE_NAMES as [string, ...string[]])).min(1).describe('the root causes'),
      lesson: z.string().min(1).describe('the lesson: what to do differently next time'),
      outcome: z.enum(POSTMORTEM_OUTCOMES).optional().describe("how the deal ended (default: from the deal's status)"),
      what: z.string().optional().describe('what happened, the facts'),
      assumption: z.string().optional().describe('the assumption that failed'),
      reviewers: z.array(z.string()).optional().describe('who it was reviewed with'),
      feedback: z.string().optional().describe("the prospect's own feedback"),
    }),
  async call({ deal, causes, reviewers, ...flags }, { run }) {
    return answerOf<PostmortemJson>(await run(commandLine(['postmortem'], { ...flags, cause: causes, reviewer: reviewers }, [deal])), (pm) =>
      `Recorded post-mortem #${pm.id} (${pm.outcome}) on deal #${pm.deal_id}: ${pm.causes.join(', ')}.`,
    );
  },
});

const addDeal = tool({
  name: 'add_deal',
  title: 'Add a prospect and a deal',
  description:
    'Adds a deal for a prospect (`salesctl add`); a prospect with the same name and company is reused. Give their time zone and ' +
    'best time so follow-ups land in their day, and whether they decide the purchase, so commitments are judged right. Then schedule ' +
    'the first step: every step ends with a commitment for the next.',
  writes: true,
  input: (z) =>
    z.object({
      prospect: z.string().min(1).describe("the prospect's name"),
      company: z.string().optional(),
      deal: z.string().optional().describe('what the deal is (default: the company, else the prospect)'),
      value: z.string().optional().describe("the deal value as the salesperson said it, e.g. 1500, 1500.50 or 15k; what salesctl cannot read for certain is refused"),
      currency: z.string().optional().describe('ISO 4217 code when the value has no symbol (default: $SALESCTL_CURRENCY, else USD)'),
      email: z.string().optional(),
      phone: z.string().optional(),
      role: z.string().optional(),
      decision_maker: z.boolean().optional().describe('whether they decide the purchase'),
      segment: z.string().optional(),
      tz: z.string().optional().describe('their IANA time zone, e.g. Asia/Jakarta'),
      best_time: z.string().optional().describe('when they are best reached, HH:MM-HH:MM in their zone, e.g. 10:00-12:00'),
      channel: z.enum(CHANNELS).optional().describe('their preferred channel'),
      stage: z.string().optional(),
      note: z.string().optional().describe('a note on the prospect'),
    }),
  async call({ prospect, decision_maker, best_time, ...flags }, { run }) {
    const decides = decision_maker === undefined ? {} : decision_maker ? { 'decision-maker': true } : { 'no-decision-maker': true };
    return answerOf<AddJson>(await run(commandLine(['add'], { ...flags, 'best-time': best_time, ...decides }, [prospect])), (d) =>
      `Added deal #${d.id} ${d.title} for ${who(d.prospect?.name, d.prospect?.company)}${d.prospect?.reused ? ' (existing prospect)' : ''}.`,
    );
  },
});

export const WRITE_TOOLS: ToolDefinition[] = [
  logOutcome, scheduleFollowup, rescheduleFollowup, recordCommitment, resolveCommitment, addJournalLine, closeDeal, recordPostmortem, addDeal,
];
