// Prints the date-phrase table (phrase → stored instant) by running the BUILT binary once per phrase:
// `node scripts/date-phrases.mjs` (after `npm run build`), with SALESCTL_NOW and TZ as given, by default
// Tue 1 Dec 2026 08:00 in Jakarta. A refused phrase shows the line salesctl printed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/salesctl.js', import.meta.url));
const env = { ...process.env, SALESCTL_NOW: process.env.SALESCTL_NOW ?? '2026-12-01T08:00:00+07:00', TZ: process.env.TZ ?? 'Asia/Jakarta' };
delete env.NODE_EXTRA_CA_CERTS;
const phrases = [
  'now', 'today', 'tomorrow', 'tomorrow 10am', 'tomorrow at 14:30', 'tomorrow 10.30', 'tomorrow morning', 'tomorrow afternoon',
  'tomorrow evening', 'tomorrow night', 'tonight', 'this evening', 'this afternoon', 'this morning', 'evening', 'noon', 'tomorrow noon', 'midnight',
  'eod', 'EOD', 'by eod', 'end of day', 'end of the day', 'close of business', 'end of week', 'end of the week', 'eow',
  'next business day', 'next working day', '10.30', '14.45', 'at 9.15', '10.30pm', '3pm', '15:00', 'friday', 'next friday', 'friday 10am',
  'friday evening', 'monday afternoon', 'next tuesday 9:30', 'in 3 days', 'in 2 weeks', 'in 1 hour', 'in 90 minutes', '3 days from now',
  '+2w', '+3d', '+1m', '+2h', '2026-12-03', '2026-12-03 14:30', '2026-12-03T14:30+02:00', '3 Dec', 'Dec 3', 'December 3 2pm', '3 December 2026',
  '03.12.2026', '3.12.', '03.12.2026 14:30', '13/12', '12/13/2026', '2026/12/03', '5/12', '05/12/2026', '5/12 (--date-order dmy)',
  '5/12 (--date-order mdy)', 'next week', 'this weekend', 'next month', 'soon', 'later', 'asap', 'whenever', 'the 5th or the 6th',
  '3 days ago', 'yesterday', '25.30', '31.02.2026', '12/25/2026 2:30 PM',
];
const dir = mkdtempSync(join(tmpdir(), 'salesctl-phrases-'));
const db = join(dir, 'db.sqlite');
try {
  execFileSync(process.execPath, [bin, '--db', db, 'add', 'Budi', '--company', 'PT Maju'], { env, stdio: 'ignore' });
  console.log(`Now: ${env.SALESCTL_NOW} (Tue), TZ=${env.TZ}; each phrase given as \`followup 1 --at <phrase>\`\n`);
  console.log('| phrase | stored instant (local) | shown as |');
  console.log('| --- | --- | --- |');
  for (const entry of phrases) {
    const [, phrase, order] = /^(.*?)(?: \(--date-order (dmy|mdy)\))?$/.exec(entry);
    const args = [bin, '--db', db, 'followup', '1', '--at', phrase, '--json', ...(order ? ['--date-order', order] : [])];
    const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    if (r.status === 0) {
      const json = JSON.parse(r.stdout);
      const at = json.due_at ?? json.followup?.due_at;
      const shown = spawnSync(process.execPath, [bin, '--db', db, 'followup', '1', '--at', phrase, ...(order ? ['--date-order', order] : [])], { env, encoding: 'utf8' }).stdout.trim().replace(/^.* on /, '');
      console.log(`| \`${entry}\` | ${at} | ${shown} |`);
    } else {
      console.log(`| \`${entry}\` | refused (exit ${r.status}) | ${r.stderr.trim().split('\n').pop().replace(/\|/g, '\\|')} |`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
