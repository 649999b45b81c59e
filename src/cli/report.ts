/**
 * `npm run report [-- --since 7d] [--json]`: what people asked, what the bot could not answer,
 * and which answers were voted Not helpful, from the question log.
 */
import { config as loadDotenv } from 'dotenv';
import { exitWithError } from '../bootstrap.ts';
import { loadConfig, questionLogFile } from '../config.ts';
import { readReport } from '../report/build-report.ts';
import { formatReport } from '../report/format-report.ts';
import { parseSince } from '../report/parse-since.ts';
import { parseFlags } from './parse-flags.ts';

const USAGE = 'usage: npm run report -- [--since 7d|24h|2w|2026-11-01] [--json]';

function main(): void {
  const flags = parseFlags({ since: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
  const now = Date.now();
  const since = flags.since === undefined ? undefined : parseSince(flags.since, now);
  if (Number.isNaN(since)) {
    process.stderr.write(
      `--since ${flags.since}: not a period like 7d, 24h, 2w or a date like 2026-11-01\n${USAGE}\n`,
    );
    process.exit(2);
  }
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const file = questionLogFile(config);
  if (config.QUESTION_LOG === 'off') {
    process.stderr.write(
      `report: the question log is off (QUESTION_LOG=off), so nothing was recorded.\n`,
    );
    process.exit(1);
  }
  let reading: ReturnType<typeof readReport>;
  try {
    reading = readReport(file, since);
  } catch (error) {
    process.stderr.write(
      `report: the question log ${file} is unavailable (${(error as Error).message}); the bot keeps answering without it. Move the file aside to start a new log.\n`,
    );
    process.exit(1);
  }
  if (flags.json) {
    if (reading.writeProblem) {
      process.stderr.write(
        `report: the question log ${file} is unavailable for writing (${reading.writeProblem})\n`,
      );
    }
    process.stdout.write(`${JSON.stringify(reading.report, null, 2)}\n`);
    return;
  }
  process.stdout.write(formatReport(reading.report, file, reading.writeProblem));
}

try {
  main();
} catch (error) {
  exitWithError(error);
}
