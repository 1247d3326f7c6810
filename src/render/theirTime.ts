// "Their time": the prospect's wall clock beside ours, for the morning table and a scheduled follow-up.
import { dateResolvedZone, formatAtOffset, formatInZone, localDate, mayBeNamedZone, sameZone, withZone } from '../core/time.js';
import { labelAt, zoneLabel } from './zoneNames.js';

/** '09:00 EST': the prospect's wall clock when their zone is not ours ('' when it is), with the weekday when their date differs. */
export function theirTime(dueAt: Date, tz: string | null, zone: string): string {
  if (!tz || sameZone(tz, zone, dueAt)) return '';
  const pattern = localDate(dueAt, tz) === localDate(dueAt, zone) ? 'HH:mm' : 'ddd HH:mm';
  return `${formatInZone(dueAt, tz, pattern)} ${zoneLabel(tz, dueAt)}`;
}

/**
 * theirTime for many follow-ups at once, each zone's offsets read in one go: reading a zone through the
 * Date object means setting TZ, and each change makes ICU load the zone again. One by one, the their-time
 * column of a 10k-deal morning cost 13-14 ms (CPU profile, 12 zones); read per zone it costs under 1 ms.
 * A zone the Date object does not know by itself goes the exact way, theirTime().
 */
export function theirTimes(items: ReadonlyArray<{ dueAt: Date; tz: string | null }>, zone: string): string[] {
  const out = items.map(() => '');
  const byZone = new Map<string, number[]>();
  items.forEach((item, i) => {
    if (!item.tz || item.tz === zone) return;
    const list = byZone.get(item.tz);
    if (list) list.push(i);
    else byZone.set(item.tz, [i]);
  });
  for (const [tz, indexes] of byZone) {
    const read = mayBeNamedZone(tz)
      ? withZone(tz, () => {
          if (!dateResolvedZone()) return null;
          const offsetAt = (ms: number) => -new Date(ms).getTimezoneOffset();
          const seasons = new Map<number, [number, number]>();
          const offsets = indexes.map((i) => {
            const at = items[i]!.dueAt;
            const year = at.getUTCFullYear();
            if (!seasons.has(year)) seasons.set(year, [offsetAt(Date.UTC(year, 0, 15)), offsetAt(Date.UTC(year, 6, 15))]);
            return offsetAt(at.getTime());
          });
          return { offsets, seasons };
        })
      : null;
    indexes.forEach((i, k) => {
      const { dueAt } = items[i]!;
      if (!read) {
        out[i] = theirTime(dueAt, tz, zone);
        return;
      }
      // sameZone() holds only for the same name (but for an Etc/ prefix): others differ without reading offsets.
      if (tz.replace(/^Etc\//, '') === zone.replace(/^Etc\//, '') && sameZone(tz, zone, dueAt)) return;
      const offset = read.offsets[k]!;
      // Sliced from the ISO text, not formatted per pattern: this runs for every row of a morning table.
      const wall = new Date(dueAt.getTime() + offset * 60_000).toISOString();
      const time = wall.slice(11, 16);
      const sameDay = wall.slice(0, 10) === localDate(dueAt, zone);
      const [january, july] = read.seasons.get(dueAt.getUTCFullYear())!;
      out[i] = `${sameDay ? time : formatAtOffset(dueAt.getTime(), offset, 'ddd HH:mm')} ${labelAt(tz, offset, january, july)}`;
    });
  }
  return out;
}
