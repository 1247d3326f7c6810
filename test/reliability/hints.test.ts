import { describe, expect, it } from 'vitest';
import { harness } from '../helpers.js';

describe('warnings and hints echo stored text escaped', () => {
  it('a best-time warning naming a prospect with an escape sequence stays one escaped line', async () => {
    const h = harness('2026-11-22T08:00:00Z', 'UTC');
    await h.run(['add', 'Evil\u001b[2J\nName', '--company', 'X', '--tz', 'UTC', '--best-time', '10:00-12:00']);
    const { code, stderr } = await h.run(['followup', '1', '--at', '2026-11-23 08:30']);
    expect(code).toBe(0);
    expect(stderr).toContain('Evil\\x1b[2J\\nName');
    expect(stderr).not.toContain('\u001b');
    expect(stderr.trimEnd().split('\n').every((line) => /^(warning|hint): /.test(line))).toBe(true);
  });
});
