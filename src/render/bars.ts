// A small horizontal bar chart for a terminal: one row per label, bars of █ scaled to the largest value.

export interface Bar {
  label: string;
  value: number;
}

export interface BarOptions {
  /** Characters of the longest bar. */
  width?: number;
  /** Colours a bar (the caller's chalk); the default leaves it plain. */
  paintBar?: (bar: string) => string;
}

/**
 * 'segment   ████████ 3' lines: labels padded to the longest, every non-zero value at least one block,
 * the largest exactly `width` blocks. Labels are printed as given: escape stored text before.
 */
export function bars(rows: readonly Bar[], options: BarOptions = {}): string {
  if (!rows.length) return '';
  const width = Math.max(1, options.width ?? 30);
  const paintBar = options.paintBar ?? ((bar: string) => bar);
  const max = Math.max(...rows.map((row) => row.value));
  const labelWidth = Math.max(...rows.map((row) => [...row.label].length));
  return rows
    .map((row) => {
      const blocks = max > 0 && row.value > 0 ? Math.max(1, Math.round((row.value / max) * width)) : 0;
      const label = row.label + ' '.repeat(labelWidth - [...row.label].length);
      const bar = blocks ? `${paintBar('█'.repeat(blocks))} ` : '';
      return `${label}  ${bar}${row.value}\n`;
    })
    .join('');
}
