// A reach chart in plain text: per channel a row of 24 hour cells whose height is the share reached.
import type { ReachCell } from '../core/reach.js';
import { wrap } from './layout.js';
import { paint, safe, type View } from './text.js';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const NO_ATTEMPTS = '·';

/** The block for a reach rate: ▁ none of the attempts reached them … █ all did. */
function rateBlock(reached: number, attempts: number): string {
  if (attempts === 0) return NO_ATTEMPTS;
  return BLOCKS[Math.round((reached / attempts) * (BLOCKS.length - 1))]!;
}

/**
 * One row per channel: 24 cells from 00h to 23h in the prospect's zone, then the totals and the best hour
 * (highest rate, then most attempts).
 */
export function reachChart(cells: ReachCell[], view: View): string {
  const c = paint(view);
  const channels = [...new Set(cells.map((cell) => cell.channel))];
  const width = Math.max(7, ...channels.map((name) => name.length));
  const lines = [
    c.bold('Reached by hour of day, in the prospect\'s zone'),
    `(${BLOCKS[0]} none … ${BLOCKS[7]} all reached, ${NO_ATTEMPTS} no attempts)`,
    `${''.padEnd(width)}  ${'0     6     12    18    '}`,
  ];
  for (const channel of channels) {
    const mine = cells.filter((cell) => cell.channel === channel);
    const row = Array.from({ length: 24 }, (_, hour) => {
      const cell = mine.find((m) => m.hour === hour);
      return cell ? rateBlock(cell.reached, cell.attempts) : NO_ATTEMPTS;
    }).join('');
    const attempts = mine.reduce((sum, cell) => sum + cell.attempts, 0);
    const reached = mine.reduce((sum, cell) => sum + cell.reached, 0);
    const best = [...mine].sort((a, b) => b.reached / b.attempts - a.reached / a.attempts || b.attempts - a.attempts)[0]!;
    const bestText = best.reached ? ` · best ${String(best.hour).padStart(2, '0')}:00 (${best.reached}/${best.attempts})` : '';
    lines.push(wrap(`${safe(channel).padEnd(width)}  ${row}  ${reached}/${attempts} reached (${percent(reached, attempts)})${bestText}`, view.width ?? 80, width + 28));
  }
  return lines.join('\n') + '\n';
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`;
}
