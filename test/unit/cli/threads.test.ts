// Worker threads change nothing but the time: the same outcomes, output, exit code and fixed files
// as one thread, whichever thread lints which file.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FileJob, FileOutcome, ScanOptions } from '../../../server/src/cli/scan-file';
import { APP, CLEAN, GATE_407, MISSING, OUT, PERMISSION_ONLY, run, tempRoot } from './helpers';

type ThreadsModule = typeof import('../../../server/src/cli/threads');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const threads = require(path.join(OUT, 'server', 'src', 'cli', 'threads.js')) as ThreadsModule;

/** A suppression that suppresses nothing (--report-unused-disable reports it, --fix removes it). */
const UNUSED = `// http-auth-lint-disable-next-line ${MISSING} -- nothing here\nexport const x = 1;\n${CLEAN}`;

/** Files of every kind of outcome: findings with safe fixes and suggestions, none, an unused
 * suppression, a 407, skipped content (binary, not UTF-8, over 4 KiB). */
function projectFiles(count: number): Record<string, string | Buffer> {
  const kinds: (string | Buffer)[] = [
    APP,
    CLEAN,
    PERMISSION_ONLY,
    GATE_407,
    UNUSED,
    APP.repeat(3),
    Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00]),
    Buffer.concat([Buffer.from(CLEAN), Buffer.from([0xff])]),
    `${CLEAN}${'// padding\n'.repeat(400)}`,
  ];
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < count; i++) {
    files[`src/part${i % 4}/file${String(i).padStart(3, '0')}.ts`] = kinds[i % kinds.length]!;
  }
  return files;
}

async function writeProject(folder: string, files: Record<string, string | Buffer>): Promise<void> {
  await fs.rm(folder, { recursive: true, force: true });
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await fs.writeFile(path.join(folder, file), content);
  }
}

async function readProject(folder: string, files: Record<string, unknown>): Promise<Record<string, string>> {
  const contents: Record<string, string> = {};
  for (const file of Object.keys(files)) contents[file] = await fs.readFile(path.join(folder, file), 'latin1');
  return contents;
}

async function scan(jobs: FileJob[], options: ScanOptions, count: number, mainLints: boolean, mainFirst?: (job: FileJob) => boolean): Promise<{ outcomes: FileOutcome[]; byWorker: number; failures: string[]; byMain: Set<number> }> {
  const outcomes: FileOutcome[] = new Array(jobs.length);
  let byWorker = 0;
  const byMain = new Set<number>();
  const failures: string[] = [];
  await threads.runScan(jobs, options, {
    threads: count,
    mainLints,
    mainFirst,
    onOutcome: (index, outcome, worker) => {
      assert.equal(outcomes[index], undefined, `file ${index} told twice`);
      outcomes[index] = outcome;
      if (worker) byWorker++;
      else byMain.add(index);
    },
    onWorkerFailure: (message) => failures.push(message),
  });
  return { outcomes, byWorker, failures, byMain };
}

describe('linting on worker threads', () => {
  const temp = tempRoot('http-auth-lint-threads-');
  let folder: string;
  const files = projectFiles(60);
  const jobsOf = (settings: FileJob['settings'] = {}): FileJob[] =>
    Object.keys(files)
      .sort()
      .map((file, index) => ({ index, file: path.join(folder, file), settings }));
  const options = (overrides: Partial<ScanOptions> = {}): ScanOptions => ({
    cwd: folder,
    fix: 'off',
    reportUnusedDisable: true,
    maxFileSize: 4096,
    faultyRule: undefined,
    ...overrides,
  });

  before(async () => {
    await temp.create();
    folder = path.join(temp.path(), 'project');
    await writeProject(folder, files);
  });

  after(temp.remove);

  it('workers give the outcomes the main thread gives, each file once', async () => {
    const settingsCases: FileJob['settings'][] = [{}, { rules: { [MISSING]: 'off', 'proxy-auth-from-origin': 'error' }, proxyFiles: ['src/part1/**'], root: folder }];
    for (const settings of settingsCases) {
      for (const overrides of [{}, { fix: 'dry-run' as const }, { faultyRule: MISSING }]) {
        const alone = await scan(jobsOf(settings), options(overrides), 1, true);
        const workers = await scan(jobsOf(settings), options(overrides), 2, false);
        assert.equal(alone.byWorker, 0);
        assert.equal(workers.byWorker, jobsOf().length, 'every file linted by a worker');
        assert.deepEqual(workers.failures, []);
        assert.deepEqual(workers.outcomes, alone.outcomes, JSON.stringify({ settings, overrides }));
      }
    }
  });

  it('the main thread lints first the files it holds analyses for, the workers the others', async () => {
    const alone = await scan(jobsOf(), options(), 1, true);
    // Every tenth file is the main thread's (the index kept its analysis there).
    const mine = (job: FileJob) => job.index % 10 === 0;
    const shared = await scan(jobsOf(), options(), 2, true, mine);
    assert.deepEqual(shared.outcomes, alone.outcomes);
    const main = jobsOf().filter(mine).map((job) => job.index);
    assert.ok(main.every((index) => shared.byMain.has(index)), `the main thread linted ${[...shared.byMain].join(', ')}`);
  });

  it('outcomes of every kind cross the threads: findings, fixes, skips, failures', async () => {
    const { outcomes } = await scan(jobsOf(), options({ fix: 'dry-run', faultyRule: 'invalid-challenge' }), 3, false);
    const kinds = new Set(outcomes.map((outcome) => (outcome.report ? (outcome.diff ? 'diff' : outcome.report.problems.length > 0 ? 'problems' : 'clean') : 'skipped')));
    assert.deepEqual([...kinds].sort(), ['clean', 'diff', 'problems', 'skipped']);
    const unfixed = await scan(jobsOf(), options(), 2, false);
    assert.ok(unfixed.outcomes.some((outcome) => outcome.report?.problems.some((problem) => problem.ruleId === null)), 'an unused suppression');
    assert.ok(outcomes.every((outcome) => !outcome.report || outcome.report.ruleFailures.length === 1));
    assert.ok(outcomes.some((outcome) => outcome.messages.some((message) => /binary content/.test(message))));
  });

  it('workers write the fixes the main thread writes', async () => {
    await scan(jobsOf(), options({ fix: 'write' }), 1, true);
    const alone = await readProject(folder, files);
    await writeProject(folder, files);
    const { byWorker } = await scan(jobsOf(), options({ fix: 'write' }), 2, false);
    assert.equal(byWorker, jobsOf().length);
    assert.deepEqual(await readProject(folder, files), alone);
    assert.notDeepEqual(alone, await (async () => {
      await writeProject(folder, files);
      return readProject(folder, files);
    })(), 'the fixes changed files');
  });

  it('--threads auto: one thread for a few files, one per 250 files up to the cores less one and 4', () => {
    const cores = os.availableParallelism();
    assert.equal(threads.threadCount('auto', 0), 1);
    assert.equal(threads.threadCount('auto', 249), 1);
    assert.equal(threads.threadCount('auto', 500), Math.max(1, Math.min(cores - 1, 2)));
    assert.equal(threads.threadCount('auto', 100_000), Math.max(1, Math.min(cores - 1, 4)));
    assert.equal(threads.threadCount(3, 100), 3);
    assert.equal(threads.threadCount(8, 2), 2);
    assert.equal(threads.threadCount(1, 100_000), 1);
  });
});

describe('http-auth-lint --threads', () => {
  const temp = tempRoot('http-auth-lint-threads-cli-');
  const files = projectFiles(45);

  before(temp.create);
  after(temp.remove);

  it('prints the same, in every format, with one thread or two', async () => {
    const folder = path.join(temp.path(), 'formats');
    await writeProject(folder, files);
    // A configuration with a broken entry: its problem is told once, in the same place.
    await fs.writeFile(path.join(folder, 'src', 'part2', '.httpauthlintrc.json'), '{ "rules": { "missing-www-authenticate": "loud" } }\n');
    for (const args of [[], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'github'], ['--report-unused-disable', '--fix-dry-run'], ['--quiet', '--max-file-size', '100000']]) {
      const one = await run(['--threads', '1', ...args, '.'], folder);
      const two = await run(['--threads', '2', ...args, '.'], folder);
      assert.ok(one.stdout.length > 0 && one.stderr.includes('skipped'), args.join(' '));
      assert.deepEqual(two, one, args.join(' '));
    }
  });

  it('--fix writes the same files and prints the same with one thread or two', async () => {
    const folder = path.join(temp.path(), 'fix');
    await writeProject(folder, files);
    const one = await run(['--threads', '1', '--fix', '--report-unused-disable', '--format', 'json', '.'], folder);
    const fixedAlone = await readProject(folder, files);
    await writeProject(folder, files);
    const two = await run(['--threads', '2', '--fix', '--report-unused-disable', '--format', 'json', '.'], folder);
    assert.deepEqual(two, one);
    assert.deepEqual(await readProject(folder, files), fixedAlone);
  });
});
