// Preloaded with `node -r` when GNU time is missing: at exit, writes the process's peak resident set
// size (VmHWM, in kB, from /proc/self/status) to $SALESCTL_BENCH_RSS_OUT.
const fs = require('node:fs');
process.on('exit', () => {
  const match = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  fs.writeFileSync(process.env.SALESCTL_BENCH_RSS_OUT, match ? match[1] : '0');
});
