import { afterEach, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import {
  addDays, addMonths, calendarDays, checkZone, dayOffset, formatAtOffset, formatInZone, isoInZone, localDate, localHour, localTime, offsetMinutes, sameZone,
  systemZone, systemZoneProblem, weekday, zonedInstant,
} from '../../src/core/time.js';

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('isoInZone', () => {
  it.each([
    ['2026-07-01T12:00:00Z', 'America/New_York', '2026-07-01T08:00:00-04:00'],
    ['2026-01-15T12:00:00Z', 'America/New_York', '2026-01-15T07:00:00-05:00'],
    ['2026-11-22T02:00:00Z', 'Asia/Jakarta', '2026-11-22T09:00:00+07:00'],
    ['2026-11-22T02:00:00Z', 'Asia/Kolkata', '2026-11-22T07:30:00+05:30'],
    ['2026-11-22T02:00:00Z', 'US/Eastern', '2026-11-21T21:00:00-05:00'],
    ['2026-01-10T00:00:00Z', 'Australia/Lord_Howe', '2026-01-10T11:00:00+11:00'],
    ['2026-07-10T00:00:00Z', 'Australia/Lord_Howe', '2026-07-10T10:30:00+10:30'],
    ['2026-07-10T00:00:00Z', 'Pacific/Chatham', '2026-07-10T12:45:00+12:45'],
    ['2026-07-10T00:00:00Z', 'UTC', '2026-07-10T00:00:00+00:00'],
    ['2026-07-10T00:00:00Z', 'Etc/GMT+5', '2026-07-09T19:00:00-05:00'],
    // An instant one minute before and after the New York spring-forward change (07:00Z).
    ['2026-03-08T06:59:00Z', 'America/New_York', '2026-03-08T01:59:00-05:00'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08T03:00:00-04:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(isoInZone(instant, zone)).toBe(expected);
    expect(isoInZone(new Date(instant), zone)).toBe(expected);
  });

  it('does not depend on the zone of the process', () => {
    for (const tz of ['America/New_York', 'Asia/Jakarta', 'UTC']) {
      process.env.TZ = tz;
      expect(isoInZone('2020-03-08T07:37:00Z', 'Asia/Jakarta')).toBe('2020-03-08T14:37:00+07:00');
      expect(isoInZone('2020-03-08T07:37:00Z', 'Europe/Berlin')).toBe('2020-03-08T08:37:00+01:00');
    }
  });

  it('agrees with Intl.DateTimeFormat every 8 hours over two years in zones with odd rules', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/St_Johns', 'Africa/Casablanca', 'Asia/Tehran']) {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      });
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 8 * 3_600_000 + 7 * 60_000) {
        const p = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, part.value]));
        expect(isoInZone(new Date(ms), zone).slice(0, 16)).toBe(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`);
      }
    }
  });

  it('leaves TZ as it was, set or unset', () => {
    process.env.TZ = 'Asia/Tokyo';
    isoInZone('2026-07-01T12:00:00Z', 'Europe/Paris');
    expect(process.env.TZ).toBe('Asia/Tokyo');
    delete process.env.TZ;
    isoInZone('2026-07-01T12:00:00Z', 'Europe/Rome');
    expect(process.env.TZ).toBeUndefined();
  });
});

describe('zonedInstant', () => {
  it.each([
    ['2026-11-22', '09:00', 'Asia/Jakarta', '2026-11-22T02:00:00.000Z'],
    ['2026-07-01', '10:00', 'America/New_York', '2026-07-01T14:00:00.000Z'],
    // Clocks go forward at 02:00: 02:30 does not exist and moves forward by the gap.
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // Clocks go back at 02:00: 01:30 happens twice, the earlier one is taken.
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-10-25', '01:30', 'Europe/London', '2026-10-25T00:30:00.000Z'],
    ['2026-04-05', '01:45', 'Australia/Lord_Howe', '2026-04-04T14:45:00.000Z'],
    ['2026-12-31', '23:59', 'UTC', '2026-12-31T23:59:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(zonedInstant(date, time, zone).toISOString()).toBe(expected);
  });
});

describe('local fields and formats', () => {
  const at = new Date('2026-11-22T17:30:00Z');
  it.each([
    ['Asia/Jakarta', '2026-11-23', '00:30', 0, 420, 'Mon 23 Nov 00:30'],
    ['America/Los_Angeles', '2026-11-22', '09:30', 9, -480, 'Sun 22 Nov 09:30'],
    ['Asia/Kolkata', '2026-11-22', '23:00', 23, 330, 'Sun 22 Nov 23:00'],
  ])('in %s', (zone, date, time, hour, offset, formatted) => {
    expect(localDate(at, zone)).toBe(date);
    expect(localTime(at, zone)).toBe(time);
    expect(localHour(at, zone)).toBe(hour);
    expect(offsetMinutes(at, zone)).toBe(offset);
    expect(formatInZone(at, zone, 'ddd D MMM HH:mm')).toBe(formatted);
  });

  it('formats every token', () => {
    expect(formatInZone('2026-03-05T01:02:03Z', 'Asia/Jakarta', 'YYYY-MM-DD D MMM ddd HH:mm:ss Z')).toBe('2026-03-05 5 Mar Thu 08:02:03 +07:00');
  });

  // formatAtOffset is written by hand for its speed per row (see its comment): it must say what dayjs says.
  it('formats as dayjs does, every token, over years of instants and odd offsets', () => {
    dayjs.extend(utc);
    const pattern = 'YYYY-MM-DD D MMM ddd HH:mm:ss';
    for (const offset of [0, 420, -300, 330, 765, -570, -1]) {
      for (let ms = Date.UTC(1999, 11, 31, 23); ms < Date.UTC(2031, 0, 1); ms += 29 * 3_600_000 + 7 * 60_000 + 13_000) {
        expect(formatAtOffset(ms, offset, pattern)).toBe(dayjs.utc(ms + offset * 60_000).format(pattern));
      }
      // dayjs reads an offset of 16 or fewer minutes as hours (-1 → -01:00): ours keeps the minute (old LMT offsets).
      expect(formatAtOffset(0, offset, 'Z')).toBe(Math.abs(offset) > 16 || offset === 0 ? dayjs.utc(0).utcOffset(offset, true).format('Z') : '-00:01');
    }
  });

  it('tells zones with the same rules apart from zones that only share an offset now', () => {
    expect(sameZone('UTC', 'Etc/UTC', at)).toBe(true);
    expect(sameZone('Asia/Jakarta', 'Asia/Bangkok', at)).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-11-22', 1, '2026-11-23'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-07', 2, '2026-03-09'], // across New York's spring-forward: no zone involved
    ['2026-11-22', -365, '2025-11-22'],
  ])('addDays(%s, %d) is %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-22', 2, '2027-01-22'],
    ['2026-05-15', 12, '2027-05-15'],
    ['2028-02-29', 12, '2029-02-28'],
  ])('addMonths(%s, %d) is %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));

  it.each([
    ['2026-11-20', '2026-11-22', 2],
    ['2026-02-28', '2026-03-01', 1],
    ['2026-03-07', '2026-03-09', 2],
    ['2026-11-22', '2026-11-22', 0],
    ['2026-11-22', '2026-11-20', -2],
    ['2026-01-01', '2027-01-01', 365],
  ])('calendarDays(%s, %s) is %d', (a, b, days) => expect(calendarDays(a, b)).toBe(days));

  it.each([
    ['2026-11-22', 0], ['2026-11-23', 1], ['2026-11-28', 6], ['2028-02-29', 2],
  ])('weekday(%s) is %d', (date, day) => expect(weekday(date)).toBe(day));
});

describe('dayOffset', () => {
  it.each([
    ['2026-07-01', 'Asia/Jakarta', 420],
    ['2026-07-01', 'Asia/Kolkata', 330],
    ['2026-07-01', 'America/New_York', -240],
    ['2026-03-08', 'America/New_York', undefined], // clocks go forward at 07:00Z that day
    ['2026-07-01', 'UTC', 0],
  ])('through %s in %s is %s', (date, zone, offset) => expect(dayOffset(Date.parse(`${date}T00:00:00Z`), zone)).toBe(offset));
});

describe('checkZone', () => {
  it.each(['Asia/Jakarta', 'Asia/Kolkata', 'US/Eastern', 'UTC', 'Etc/GMT+5', 'America/Argentina/Buenos_Aires'])('accepts %s', (zone) => {
    expect(checkZone(zone)).toBe(zone);
  });
  it.each(['Mars/Olympus_Mons', 'Jakarta', '', '+07:00'])('refuses %j, naming the flag', (zone) => {
    expect(() => checkZone(zone, '--tz')).toThrow(/unknown time zone .* for --tz/);
  });
});

describe('checkZone agrees with Intl.DateTimeFormat', () => {
  const intlAccepts = (zone: string) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  };
  it.each(['JST-9', 'EST5EDT', 'Japan', 'asia/jakarta', 'Asia/Calcutta', 'Europe/Kyiv', 'Europe/Kiev', 'America/Buenos_Aires',
    'Etc/GMT-14', 'Asia/Jakarta/Extra', 'Mars/Olympus_Mons', 'GMT+7', 'UTC+7'])('on %j', (zone) => {
    let ours = true;
    try {
      checkZone(zone);
    } catch {
      ours = false;
    }
    expect(ours).toBe(intlAccepts(zone));
  });

  it('reads an accepted alias at the offset of its zone', () => {
    expect(isoInZone('2026-07-01T00:00:00Z', 'Asia/Calcutta')).toBe(isoInZone('2026-07-01T00:00:00Z', 'Asia/Kolkata'));
    expect(isoInZone('2026-07-01T00:00:00Z', 'asia/jakarta')).toBe('2026-07-01T07:00:00+07:00');
  });
});

describe('systemZone', () => {
  it.each(['Asia/Jakarta', 'America/New_York', 'Europe/Kiev', 'Etc/UTC'])('with TZ=%s agrees with Intl', (tz) => {
    process.env.TZ = tz;
    expect(systemZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  });

  // Where the process clock alone would run as UTC without a word (issue 14), the zone is honoured or the
  // warning says UTC; the process TZ is set to match, so the clock and the zone name agree.
  it.each([
    ['asia/jakarta', 'Asia/Jakarta', undefined],
    ['UTC+5', 'Etc/GMT+5', undefined],
    ['Mars/Base', 'UTC', "TZ='Mars/Base' is not a time zone this machine knows: set TZ to an IANA name such as Asia/Jakarta; using UTC"],
  ])('with TZ=%s is %s', (tz, zone, problem) => {
    process.env.TZ = tz;
    expect(systemZone()).toBe(zone);
    expect(systemZoneProblem()).toBe(problem);
    expect(process.env.TZ).toBe(zone);
    expect(0 - new Date('2026-07-01T00:00:00Z').getTimezoneOffset()).toBe(offsetMinutes(new Date('2026-07-01T00:00:00Z'), zone));
  });

  it.each([['Asia/Kolkata', 330], ['US/Eastern', -240]])('with TZ=%s names a zone at the offset Intl gives', (tz, offset) => {
    process.env.TZ = tz;
    expect(offsetMinutes(new Date('2026-07-01T00:00:00Z'), systemZone())).toBe(offset);
  });
});
