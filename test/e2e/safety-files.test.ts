// Nothing salesctl writes can destroy what it did not mean to touch; nothing it reads can wedge it (issue 14),
// through the built binary. Devices are copies made with mknod in the test's own folder, never the machine's
// /dev; a full disk and a read-only mount live in a private mount namespace (unshare -m); the planted links
// belong to a second, unprivileged user. Those need root and the tools: skipped, saying why, without them.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, tempCli, type Cli } from './helpers.js';

const NOW = '2026-11-23T08:30:00+07:00';
const clis: Cli[] = [];
function cli(): Cli {
  const c = tempCli(NOW, 'Asia/Jakarta');
  clis.push(c);
  return c;
}
afterEach(() => clis.splice(0).forEach((c) => c.cleanup()));

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}
const isRoot = process.getuid?.() === 0;
const rootWithTools = isRoot && has('mknod') && has('unshare') && has('mount');
const OTHER = 'salesctl-other';

/** A second, unprivileged user (created once, as the CI machine allows). */
function otherUser(): { uid: number; gid: number } | undefined {
  if (!isRoot || !has('useradd') || !has('setpriv')) return undefined;
  const id = () => spawnSync('id', ['-u', OTHER], { encoding: 'utf8' });
  if (id().status !== 0) spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', OTHER]);
  const uid = id();
  if (uid.status !== 0) return undefined;
  const gid = spawnSync('id', ['-g', OTHER], { encoding: 'utf8' });
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
const other = otherUser();

function withDeal(c: Cli, count = 1): void {
  for (let i = 1; i <= count; i++) {
    const r = c.run(['add', `Budi ${i}`, '--company', 'PT Maju', '--deal', `Laptops ${i}`, '--value', '1200', '--currency', 'USD']);
    expect(r.code, r.stderr).toBe(0);
  }
}

function hidden(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.includes('.salesctl-') || name.endsWith('.tmp'));
}

describe('export --out never writes onto the database or its files', () => {
  it.each([['sales.db'], ['sales.db-wal'], ['sales.db-shm'], ['sales.db.v3.bak']])('refuses %s with exit 2 and leaves the database whole', (name) => {
    const c = cli();
    withDeal(c);
    const before = readFileSync(c.dbPath);
    for (const args of [['export', 'deals'], ['export', 'all', '--format', 'json']]) {
      const r = c.run([...args, '--out', join(c.dir, name)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^salesctl: .* is (the database or one of its files|a backup the database keeps): give another file name\n$/);
    }
    expect(readFileSync(c.dbPath).equals(before)).toBe(true);
    expect(c.run(['list', '--json']).stdout).toContain('Laptops 1');
  });

  it('refuses the database under another name (a hard link)', () => {
    const c = cli();
    withDeal(c);
    linkSync(c.dbPath, join(c.dir, 'copy.csv'));
    const r = c.run(['export', 'deals', '--out', join(c.dir, 'copy.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the database or one of its files/);
    expect(c.run(['list', '--json']).code).toBe(0);
  });

  it('backup refuses the database and an existing file', () => {
    const c = cli();
    withDeal(c);
    expect(c.run(['backup', c.dbPath]).code).toBe(2);
    writeFileSync(join(c.dir, 'old.db'), 'keep me');
    const r = c.run(['backup', join(c.dir, 'old.db')]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(c.dir, 'old.db'), 'utf8')).toBe('keep me');
  });
});

describe('export --out writes a regular file or nothing', () => {
  it('refuses a symbolic link (such as /dev/stdout) and leaves it and its target alone', () => {
    const c = cli();
    withDeal(c);
    writeFileSync(join(c.dir, 'victim'), 'theirs');
    symlinkSync(join(c.dir, 'victim'), join(c.dir, 'deals.csv'));
    symlinkSync('/proc/self/fd/1', join(c.dir, 'stdout'));
    for (const name of ['deals.csv', 'stdout']) {
      const r = c.run(['export', 'deals', '--out', join(c.dir, name)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`salesctl: ${join(c.dir, name)} is a symbolic link: give the file it points to by its own name, or --out - for stdout\n`);
      expect(lstatSync(join(c.dir, name)).isSymbolicLink()).toBe(true);
    }
    expect(readFileSync(join(c.dir, 'victim'), 'utf8')).toBe('theirs');
    expect(c.run(['export', 'deals', '--out', '-']).stdout).toMatch(/^id,title,/);
  });

  it('writes the file owner-only and leaves no temporary file', () => {
    const c = cli();
    withDeal(c);
    const out = join(c.dir, 'deals.csv');
    writeFileSync(out, 'old');
    expect(c.run(['export', 'deals', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^id,title,/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(hidden(c.dir)).toEqual([]);
  });

  it('a FIFO is refused at once as output, input and database', () => {
    const c = cli();
    withDeal(c);
    const fifo = join(c.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const out = c.run(['export', 'deals', '--out', fifo]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`salesctl: ${fifo} is not a regular file (a device, FIFO or socket): give a file name, or --out - for stdout\n`);
    const input = c.run(['import', fifo]);
    expect(input.code).toBe(2);
    expect(input.stderr).toBe(`salesctl: ${fifo} is not a regular file (a device, FIFO or socket): give the path of a CSV file or dump\n`);
    const db = c.run(['--db', fifo, 'due']);
    expect(db.code).toBe(2);
    expect(db.stderr).toBe(`salesctl: ${fifo} is not a regular file (a device, FIFO or socket): give the path of a database file with --db\n`);
  });

  it('an input over the 1 GiB limit is refused at once (a sparse file: no disk used)', () => {
    const c = cli();
    const big = join(c.dir, 'big.csv');
    execFileSync('truncate', ['-s', String(1024 ** 3 + 1), big]);
    const r = c.run(['import', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`salesctl: ${big} is 1073741825 bytes, over the 1073741824-byte limit for an input file: split it into smaller files\n`);
  });

  it('a stale temporary file of a killed run is removed by the next write into that folder', () => {
    const c = cli();
    withDeal(c);
    const stale = join(c.dir, '.deals.csv.salesctl-999999999-0123456789ab.tmp');
    writeFileSync(stale, 'half');
    expect(c.run(['export', 'deals', '--out', join(c.dir, 'deals.csv')]).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
  });
});

describe.skipIf(!rootWithTools)('devices (mknod copies in the test folder, as root)', () => {
  it('export --out a null or full device is refused (exit 2) and the device stays a device', () => {
    const c = cli();
    withDeal(c);
    for (const [name, minor] of [['null', '3'], ['full', '7']] as const) {
      const device = join(c.dir, name);
      execFileSync('mknod', [device, 'c', '1', minor]);
      const r = c.run(['export', 'all', '--format', 'json', '--out', device]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`salesctl: ${device} is not a regular file (a device, FIFO or socket): give a file name, or --out - for stdout\n`);
      expect(lstatSync(device).isCharacterDevice()).toBe(true);
      expect(c.run(['backup', device]).code).toBe(2);
      expect(lstatSync(device).isCharacterDevice()).toBe(true);
    }
  });

  it('import of a zero device is refused at once', () => {
    const c = cli();
    const zero = join(c.dir, 'zero');
    execFileSync('mknod', [zero, 'c', '1', '5']);
    const r = c.run(['import', zero]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`salesctl: ${zero} is not a regular file (a device, FIFO or socket): give the path of a CSV file or dump\n`);
  });
});

describe.skipIf(!rootWithTools)('a full disk and a read-only mount (private mount namespace, as root)', () => {
  /** Runs salesctl inside `unshare -m` after `setup` (shell) has mounted what the case needs. */
  function inNamespace(c: Cli, setup: string, args: string[]): { code: number; stdout: string; stderr: string } {
    const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
    const r = spawnSync('unshare', ['-m', 'sh', '-c', `${setup} && exec "${process.execPath}" "${BIN}" ${quoted}`], {
      env: { ...base, SALESCTL_DB: c.dbPath, SALESCTL_NOW: NOW, TZ: 'Asia/Jakarta' },
      encoding: 'utf8',
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  it('export --out on a full disk says so, exit 1, and leaves nothing', () => {
    const c = cli();
    withDeal(c, 25);
    const small = join(c.dir, 'small');
    mkdirSync(small);
    const out = join(small, 'all.json');
    const r = inNamespace(c, `mount -t tmpfs -o size=8k tmpfs '${small}'`, ['export', 'all', '--format', 'json', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`salesctl: the disk is full: nothing was saved (writing ${out}); free some space and try again\n`);
  });

  it('backup onto a full disk says so, exit 1', () => {
    const c = cli();
    withDeal(c, 5);
    const small = join(c.dir, 'small');
    mkdirSync(small);
    const out = join(small, 'copy.db');
    const r = inNamespace(c, `mount -t tmpfs -o size=8k tmpfs '${small}'`, ['backup', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`salesctl: the disk is full: nothing was saved (writing ${out}); free some space and try again\n`);
  });

  it('on a read-only mount reads work and a write says read-only', () => {
    const c = cli();
    withDeal(c);
    const ro = `mount --bind '${c.dir}' '${c.dir}' && mount -o remount,bind,ro '${c.dir}'`;
    const list = inNamespace(c, ro, ['list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)[0].title).toBe('Laptops 1');
    expect(inNamespace(c, ro, ['due']).code).toBe(0);
    const add = inNamespace(c, ro, ['add', 'Sari', '--deal', 'Desks']);
    expect(add.code).toBe(1);
    expect(add.stderr).toBe(`salesctl: cannot write to the database ${c.dbPath}: it is read-only (check the file and folder permissions); nothing was saved\n`);
  });
});

describe.skipIf(!other)('a link planted by another user', () => {
  it('is never followed: the temporary name cannot be guessed and is created exclusively', () => {
    const c = cli();
    withDeal(c);
    // A shared folder (sticky, world-writable, as /tmp), reachable by the other user.
    chmodSync(c.dir, 0o711);
    const shared = join(c.dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const victim = join(shared, 'theirs.txt');
    const asOther = (args: string[]) => execFileSync('setpriv', [`--reuid=${other!.uid}`, `--regid=${other!.gid}`, '--clear-groups', ...args]);
    asOther(['sh', '-c', `echo theirs > '${victim}'`]);
    // Every temporary name the old code could pick next: `.deals.csv.<pid>.tmp` for the coming pids.
    const last = Number(readFileSync('/proc/sys/kernel/ns_last_pid', 'utf8'));
    const script = `i=${last + 1}; while [ $i -le ${last + 3000} ]; do ln -s '${victim}' '${shared}/.deals.csv.'$i'.tmp'; i=$((i+1)); done`;
    asOther(['sh', '-c', script]);
    const r = c.run(['export', 'deals', '--out', join(shared, 'deals.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('theirs\n');
    expect(statSync(join(shared, 'deals.csv')).uid).toBe(0);
    expect(readFileSync(join(shared, 'deals.csv'), 'utf8')).toMatch(/^id,title,/);
  });
});

describe('-wal that belongs to another database', () => {
  /** Leaves `db`'s -wal and -shm as a kill -9 would: a second process writes a prospect and is killed. */
  function crashWhileWriting(db: string, name: string): void {
    const code = `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))}); const db = new D(${JSON.stringify(db)});
      db.pragma('wal_autocheckpoint = 0');
      db.prepare("INSERT INTO prospects (name, company, created_at) VALUES (?, '', '2026-11-23T01:30:00.000Z')").run(${JSON.stringify(name)});
      process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, ['-e', code]);
    expect(existsSync(`${db}-wal`)).toBe(true);
  }

  it('is refused with exit 1 naming it, both files untouched; its own is replayed', () => {
    const a = cli();
    const b = cli();
    withDeal(a);
    withDeal(b);
    crashWhileWriting(a.dbPath, 'Own crash');
    const own = a.run(['list', '--json']);
    expect(own.code, own.stderr).toBe(0);
    crashWhileWriting(a.dbPath, 'Own crash 2');
    crashWhileWriting(b.dbPath, 'Foreign');
    writeFileSync(`${a.dbPath}-wal`, readFileSync(`${b.dbPath}-wal`));
    const db = readFileSync(a.dbPath);
    const wal = readFileSync(`${a.dbPath}-wal`);
    const r = a.run(['list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `salesctl: ${a.dbPath}-wal does not belong to ${a.dbPath} (its salts are not the ones this database's -shm recorded): SQLite would replay it into the database; move it away if it is not this database's; both files were left untouched\n`,
    );
    expect(readFileSync(a.dbPath).equals(db)).toBe(true);
    expect(readFileSync(`${a.dbPath}-wal`).equals(wal)).toBe(true);
    const doctor = a.run(['doctor', '--json']);
    expect(doctor.code).toBe(1);
    expect(JSON.parse(doctor.stdout).problems.join('\n')).toContain(`${a.dbPath}-wal does not belong to ${a.dbPath}`);
  });

  it('a -wal whose header is not a WAL header is refused', () => {
    const a = cli();
    withDeal(a);
    writeFileSync(`${a.dbPath}-wal`, Buffer.alloc(4096, 7));
    const r = a.run(['due']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(its header is not a SQLite WAL header)');
    expect(readFileSync(`${a.dbPath}-wal`).equals(Buffer.alloc(4096, 7))).toBe(true);
  });
});

describe('the database file itself', () => {
  it('an existing empty file becomes a database only owner-only', () => {
    const c = cli();
    writeFileSync(c.dbPath, '', { mode: 0o644 });
    chmodSync(c.dbPath, 0o644);
    withDeal(c);
    expect(statSync(c.dbPath).mode & 0o777).toBe(0o600);
  });

  it('a damaged header (byte 18) is refused by every command and by doctor, exit 1', () => {
    const c = cli();
    withDeal(c);
    const bytes = readFileSync(c.dbPath);
    bytes[18] = 9;
    writeFileSync(c.dbPath, bytes);
    const message = `${c.dbPath} is damaged (its SQLite header is not valid); run 'salesctl doctor' or restore a backup; the file was not changed`;
    expect(c.run(['list'])).toMatchObject({ code: 1, stderr: `salesctl: ${message}\n` });
    const doctor = c.run(['doctor', '--json']);
    expect(doctor.code).toBe(1);
    expect(JSON.parse(doctor.stdout).problems).toContain(message);
    expect(readFileSync(c.dbPath).equals(bytes)).toBe(true);
  });

  it('a backup is readable and restorable: the copy passes doctor', () => {
    const c = cli();
    withDeal(c, 3);
    const copy = join(c.dir, 'copy.db');
    expect(c.run(['backup', copy]).code).toBe(0);
    expect(hidden(c.dir)).toEqual([]);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    const check = new Database(copy, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(3);
    check.close();
  });
});

describe('bad data never wedges a read', () => {
  it('a dump with a damaged instant is refused naming table, row and field; nothing is written', () => {
    const a = cli();
    withDeal(a);
    const dump = JSON.parse(a.run(['export', 'all', '--format', 'json']).stdout);
    dump.deals[0].closed_at = 'zzz';
    const b = cli();
    const file = join(b.dir, 'dump.json');
    writeFileSync(file, JSON.stringify(dump));
    const r = b.run(['import', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('salesctl: dump.json: deals[0].closed_at is not an ISO 8601 instant with a zone (found "zzz"); nothing was restored\n');
    expect(b.run(['list', '--json']).stdout).toBe('[]\n');
  });

  it('a damaged row written by another program: doctor names it, reads point to doctor', () => {
    const c = cli();
    withDeal(c);
    const raw = new Database(c.dbPath);
    raw.prepare("UPDATE deals SET closed_at = 'zzz'").run();
    raw.close();
    const list = c.run(['show', '1']);
    expect(list.code).toBe(1);
    expect(list.stderr).toBe(
      `salesctl: a stored value is damaged (deals #1: closed_at is not an ISO 8601 instant with a zone (found "zzz")): run 'salesctl doctor' to check the whole database (or --debug for details)\n`,
    );
    expect(c.run(['export', 'deals']).stderr).toContain('deals #1: closed_at is not an ISO 8601 instant');
    const doctor = c.run(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('stored values\tdamaged values\n');
    expect(doctor.stdout).toContain('problem\tdeals #1: closed_at is not an ISO 8601 instant with a zone (found "zzz"): correct it with the command that owns it, or restore a backup\n');
    expect(doctor.stderr).toBe(`salesctl: doctor found 1 problem with ${c.dbPath}\n`);
  });

  it("doctor's chmod hint is quoted for a POSIX shell: pasting it runs nothing else", () => {
    const c = cli();
    const folder = join(c.dir, "x'$(touch PWNED)'");
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const db = join(folder, 'sales.db');
    expect(c.run(['--db', db, 'add', 'Budi']).code).toBe(0);
    const r = c.run(['--db', db, 'doctor', '--json']);
    expect(r.code).toBe(1);
    const hint = JSON.parse(r.stdout).problems.find((p: string) => p.startsWith('others can list'));
    const command = /: run (chmod 700 .*)$/.exec(hint)![1]!;
    expect(command).toBe(`chmod 700 '${c.dir}/x'\\''$(touch PWNED)'\\'''`);
    execFileSync('sh', ['-c', command], { cwd: c.dir });
    expect(existsSync(join(c.dir, 'PWNED'))).toBe(false);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!other)('a database this user can read but not write: reads work, a write says read-only', () => {
    const c = cli();
    withDeal(c);
    chmodSync(c.dir, 0o755);
    chmodSync(c.dbPath, 0o644);
    const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
    const asOther = (args: string[]) =>
      spawnSync('setpriv', [`--reuid=${other!.uid}`, `--regid=${other!.gid}`, '--clear-groups', process.execPath, BIN, '--db', c.dbPath, ...args], {
        env: { ...base, HOME: '/tmp', SALESCTL_NOW: NOW, TZ: 'UTC' },
        encoding: 'utf8',
      });
    const list = asOther(['list', '--json']);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)[0].title).toBe('Laptops 1');
    const add = asOther(['add', 'Sari']);
    expect(add.status).toBe(1);
    expect(add.stderr).toBe(`salesctl: cannot write to the database ${c.dbPath}: it is read-only (check the file and folder permissions); nothing was saved\n`);
  });

  it.skipIf(!other)('doctor on a database this user cannot reach says so, exit 1', () => {
    const c = cli();
    withDeal(c);
    chmodSync(c.dir, 0o700);
    const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
    const r = spawnSync('setpriv', [`--reuid=${other!.uid}`, `--regid=${other!.gid}`, '--clear-groups', process.execPath, BIN, '--db', c.dbPath, 'doctor'], {
      env: { ...base, HOME: '/tmp', SALESCTL_NOW: NOW, TZ: 'UTC' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`database\t${c.dbPath}\nfile\tcannot read ${c.dbPath}: permission denied (check the folder and file permissions)\n`);
    expect(r.stderr).toBe(`salesctl: doctor found 1 problem with ${c.dbPath}\n`);
  });
});

describe('output is safe on a terminal whatever the format', () => {
  const EVIL = 'Evil\u001b]52;c;cHduZWQ=\u0007 \u202eCorp';

  function evil(c: Cli): void {
    expect(c.run(['add', EVIL, '--company', EVIL, '--deal', 'Deal', '--note', EVIL]).code).toBe(0);
    expect(c.run(['followup', '1', '--at', 'tomorrow 10am', '--note', EVIL]).code).toBe(0);
  }

  /** Runs salesctl with stdout on a pseudo-terminal (script), returning what reached the terminal. */
  function onTerminal(c: Cli, args: string[]): string {
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
    return spawnSync('script', ['-qec', `${quoted} < /dev/null`, '/dev/null'], {
      env: { ...base, SALESCTL_DB: c.dbPath, SALESCTL_NOW: NOW, TZ: 'Asia/Jakarta', NO_COLOR: '1' },
      encoding: 'utf8',
    }).stdout;
  }

  it.skipIf(!has('script'))('CSV, ICS and list --csv escape escape sequences and bidi controls on a terminal', () => {
    const c = cli();
    evil(c);
    for (const args of [['export', 'deals'], ['export', 'prospects'], ['export', 'followups', '--format', 'ics'], ['list', '--csv'], ['due', '--csv']]) {
      const shown = onTerminal(c, args);
      expect(shown, args.join(' ')).not.toMatch(/[\u001b\u0007\u202e]/);
      if (args[1] !== 'followups' && args[0] !== 'due') expect(shown, args.join(' ')).toContain('Evil\\x1b]52;c;cHduZWQ=\\x07 \\u202eCorp');
    }
  });

  it('a pipe gets the exact text (CSV still guards formulas), and --json escapes bidi controls', () => {
    const c = cli();
    evil(c);
    expect(c.run(['export', 'prospects']).stdout).toContain(EVIL);
    expect(c.run(['export', 'followups', '--format', 'ics']).stdout).not.toContain('\u001b');
    const json = c.run(['list', '--json']).stdout;
    expect(json).not.toMatch(/[\u202e]/);
    expect(json).toContain('\\u202eCorp');
    expect(JSON.parse(json)[0].prospect).toBe(EVIL);
    const dump = c.run(['export', 'all', '--format', 'json']).stdout;
    expect(dump).not.toMatch(/[\u202e]/);
    expect(JSON.parse(dump).prospects[0].name).toBe(EVIL);
  });
});
