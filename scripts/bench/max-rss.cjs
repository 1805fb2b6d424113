// Preloaded into a process the bench measures (`node --require max-rss.cjs ...`): its peak resident
// memory, worker threads included, on stderr as it exits.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nmax-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
