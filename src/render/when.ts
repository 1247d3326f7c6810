// An instant for people, in a module of its own: commands that confirm one (commit) need nothing else of
// render/deals.ts, whose imports (the table layout, export cells) cost a start-up.
import { formatInZone, isoInZone } from '../core/time.js';
import type { View } from './text.js';

/** An instant for people: 'Mon 23 Nov 10:00' on a terminal (the year when not this year), ISO in a pipe; '—' / '' when none. */
export function when(value: string | null | undefined, view: View): string {
  if (!value) return view.isTTY ? '—' : '';
  if (!view.isTTY) return isoInZone(value, view.zone);
  const sameYear = formatInZone(value, view.zone, 'YYYY') === formatInZone(view.now, view.zone, 'YYYY');
  return formatInZone(value, view.zone, sameYear ? 'ddd D MMM HH:mm' : 'ddd D MMM YYYY HH:mm');
}

