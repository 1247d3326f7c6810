// Suggesting the IANA zone a salesperson meant: 'Berlin' → Europe/Berlin, 'new york' → America/New_York,
// 'Asia/Jakata' → Asia/Jakarta. Only reached when a zone is refused, so the list is read then.

/** The city part of a zone, folded: 'America/New_York' → 'new york'. */
function cityOf(zone: string): string {
  return fold(zone.slice(zone.lastIndexOf('/') + 1));
}

function fold(text: string): string {
  return text.trim().toLowerCase().replace(/[_\s-]+/g, ' ');
}

/** Levenshtein distance, capped: only near misses matter. */
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * Up to three zones of `known` nearest to `given`: the zones of that very city first, then names or cities
 * at most two edits away (nearest first, then alphabetically).
 */
export function suggestZones(given: string, known: readonly string[]): string[] {
  const text = fold(given);
  if (!text) return [];
  const exact = known.filter((zone) => cityOf(zone) === text || fold(zone) === text);
  if (exact.length) return exact.slice(0, 3);
  const scored = known
    .map((zone) => ({ zone, d: Math.min(distance(text, fold(zone), 2), distance(text, cityOf(zone), 2)) }))
    .filter((s) => s.d <= 2)
    .sort((a, b) => a.d - b.d || (a.zone < b.zone ? -1 : 1));
  return scored.slice(0, 3).map((s) => s.zone);
}
