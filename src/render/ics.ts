// Follow-ups as an iCalendar file (RFC 5545) through ical-generator: one event per scheduled follow-up,
// with a UID that stays the same, so importing the file again updates the calendar instead of doubling it.
import { formatMoney } from '../core/money.js';

/** A scheduled follow-up with what a calendar entry needs to say. */
export interface CalendarFollowup {
  id: number;
  deal_id: number;
  due_at: string;
  channel: string;
  purpose: string;
  agreed: number;
  notes: string | null;
  prospect_name: string;
  company: string;
  deal_title: string;
  value_minor: number | null;
  currency: string | null;
  phone: string | null;
  email: string | null;
}

/** How long each kind of contact is booked for, in minutes. */
const MINUTES_BY_CHANNEL: Record<string, number> = { call: 15, email: 15, sms: 10, chat: 10, meeting: 60, visit: 60 };

const LABELS: Record<string, string> = {
  'follow-up': 'Follow-up',
  closure: 'Closure call',
  truth: 'Truth call',
  feedback: 'Feedback',
  nurture: 'Nurture',
};

/** The UID of a follow-up's event: stable across exports. */
export function followupUid(id: number): string {
  return `followup-${id}@salesctl`;
}

/** 'Closure call: Budi Santoso (PT Maju) via call'. */
export function eventSummary(f: CalendarFollowup): string {
  const who = `${f.prospect_name}${f.company ? ` (${f.company})` : ''}`;
  return clean(`${LABELS[f.purpose] ?? f.purpose}: ${who} via ${f.channel}`);
}

function eventDescription(f: CalendarFollowup): string {
  const value = f.value_minor !== null && f.currency ? ` (${formatMoney(f.value_minor, f.currency)})` : '';
  const lines = [
    `Deal #${f.deal_id}: ${f.deal_title}${value}`,
    f.agreed ? 'Time agreed with the prospect' : '',
    f.phone ? `Phone: ${f.phone}` : '',
    f.email ? `Email: ${f.email}` : '',
    f.notes ? `Notes: ${f.notes}` : '',
    `Done? salesctl followup done ${f.id} --outcome reached`,
  ];
  return clean(lines.filter(Boolean).join('\n'));
}

/** Control characters other than tab and line breaks are not allowed in iCalendar text. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/**
 * The calendar as text chunks: the header, the events a thousand at a time, the footer. Lines end in
 * CRLF and are folded at 75 octets by ical-generator; the last line gets its CRLF too (RFC 5545).
 */
export async function* calendarChunks(followups: Iterable<CalendarFollowup>, options: { now: Date }): AsyncGenerator<string> {
  const { default: ical, ICalCalendarMethod } = await import('ical-generator');
  const calendar = ical({ name: 'salesctl follow-ups', prodId: { company: 'salesctl', product: 'salesctl', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  const empty = calendar.toString();
  const footer = 'END:VCALENDAR';
  const header = empty.slice(0, empty.lastIndexOf(footer));
  yield header;
  let batch = 0;
  const flush = () => {
    const text = calendar.toString();
    calendar.clear();
    batch = 0;
    return text.slice(header.length, text.lastIndexOf(footer));
  };
  for (const f of followups) {
    const start = new Date(f.due_at);
    calendar.createEvent({
      id: followupUid(f.id),
      start,
      end: new Date(start.getTime() + (MINUTES_BY_CHANNEL[f.channel] ?? 15) * 60_000),
      stamp: options.now,
      summary: eventSummary(f),
      description: eventDescription(f),
    });
    if (++batch === 1000) yield flush();
  }
  if (batch) yield flush();
  yield `${footer}\r\n`;
}
