import { describe, expect, it } from 'vitest';
import { calendarChunks, eventSummary, followupUid, type CalendarFollowup } from '../../src/render/ics.js';

const base: CalendarFollowup = {
  id: 7,
  deal_id: 3,
  due_at: '2026-11-23T03:00:00.000Z',
  channel: 'call',
  purpose: 'closure',
  agreed: 1,
  notes: null,
  prospect_name: 'Budi Santoso',
  company: 'PT Maju',
  deal_title: 'Fleet renewal',
  value_minor: 1_500_000,
  currency: 'USD',
  phone: '+62 812 0000',
  email: null,
};

async function calendar(followups: CalendarFollowup[]): Promise<string> {
  let text = '';
  for await (const chunk of calendarChunks(followups, { now: new Date('2026-11-22T08:00:00Z') })) text += chunk;
  return text;
}

/** Unfolds RFC 5545 content lines: a CRLF followed by one space or tab continues the line. */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('eventSummary', () => {
  it.each([
    [{}, 'Closure call: Budi Santoso (PT Maju) via call'],
    [{ purpose: 'follow-up', channel: 'email' }, 'Follow-up: Budi Santoso (PT Maju) via email'],
    [{ purpose: 'nurture', company: '' }, 'Nurture: Budi Santoso via call'],
    [{ prospect_name: 'Bad\u001b[31mName' }, 'Closure call: Bad[31mName (PT Maju) via call'],
  ])('%j', (change, summary) => {
    expect(eventSummary({ ...base, ...change })).toBe(summary);
  });
});

describe('calendarChunks', () => {
  it('writes one event per follow-up with the exact lines', async () => {
    const text = await calendar([base]);
    expect(text).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//salesctl//salesctl//EN',
        'METHOD:PUBLISH',
        'NAME:salesctl follow-ups',
        'X-WR-CALNAME:salesctl follow-ups',
        'BEGIN:VEVENT',
        'UID:followup-7@salesctl',
        'SEQUENCE:0',
        'DTSTAMP:20261122T080000Z',
        'DTSTART:20261123T030000Z',
        'DTEND:20261123T031500Z',
        'SUMMARY:Closure call: Budi Santoso (PT Maju) via call',
        'DESCRIPTION:Deal #3: Fleet renewal (15\\,000.00 USD)\\nTime agreed with the ',
        ' prospect\\nPhone: +62 812 0000\\nDone? salesctl followup done 7 --outcome re',
        ' ached',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('ends every line in CRLF and folds at 75 octets, also for non-Latin text and emoji', async () => {
    const long = { ...base, id: 8, prospect_name: '山田太郎 Ńguyễn Ахмед 🚀'.repeat(6), notes: 'ключевой клиент; 重要, "quoted"\nline two 👍'.repeat(5) };
    const text = await calendar([base, long]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // Folding never splits a character: every physical line is valid UTF-8 on its own.
    for (const line of lines) expect(Buffer.from(Buffer.from(line, 'utf8').toString('utf8'), 'utf8').equals(Buffer.from(line, 'utf8'))).toBe(true);
    const unfolded = unfold(text);
    expect(unfolded.filter((l) => l.startsWith('UID:'))).toEqual(['UID:followup-7@salesctl', 'UID:followup-8@salesctl']);
    expect(unfolded).toContain(`SUMMARY:Closure call: ${'山田太郎 Ńguyễn Ахмед 🚀'.repeat(6)} (PT Maju) via call`);
    expect(unfolded.find((l) => l.startsWith('DESCRIPTION:') && l.includes('ключевой'))).toContain('ключевой клиент\\; 重要\\, "quoted"\\nline two 👍');
  });

  it('books meetings for an hour and writes an empty calendar when nothing is scheduled', async () => {
    expect(unfold(await calendar([{ ...base, channel: 'meeting' }]))).toContain('DTEND:20261123T040000Z');
    expect(await calendar([])).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//salesctl//salesctl//EN\r\nMETHOD:PUBLISH\r\nNAME:salesctl follow-ups\r\nX-WR-CALNAME:salesctl follow-ups\r\nEND:VCALENDAR\r\n',
    );
  });

  it('streams thousands of events in batches with a UID each', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...base, id: i + 1 }));
    const text = await calendar(many);
    const uids = unfold(text).filter((l) => l.startsWith('UID:'));
    expect(uids).toHaveLength(2500);
    expect(new Set(uids).size).toBe(2500);
    expect(uids[2499]).toBe(`UID:${followupUid(2500)}`);
    expect(text.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
  });
});
