/** The report as text for a maintainer at a terminal. */
import { stripTerminalControls } from '../bot/plain-text.ts';
import type { Report } from './build-report.ts';

/** `2026-11-30T14:05:00.000Z` → `2026-11-30 14:05 UTC`. */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * Renders the report: totals by outcome, platform and vote, then the unanswered questions and
 * the answers voted Not helpful, most frequent first. Question text is shown without terminal
 * control characters.
 *
 * @example
 * process.stdout.write(formatReport(report, '.data/strikebot.db'));
 */
export function formatReport(report: Report, file: string, writeProblem?: string): string {
  const o = report.byOutcome;
  const period = report.since ? `since ${when(report.since)}` : 'everything in the log';
  const lines = [`Question log ${file}, ${period}`];
  if (writeProblem) {
    lines.push(
      `Warning: the question log is unavailable for writing (${writeProblem}); the bot keeps answering but is not logging, so recent questions may be missing.`,
    );
  }
  lines.push(
    `${report.questions} question${report.questions === 1 ? '' : 's'}: ${o.answer} answered, ${o.unsure} closest passages only (unsure), ${o['not-found']} not found, ${o.refused} refused`,
    `By platform: ${Object.entries(report.byPlatform)
      .map(([p, n]) => `${p} ${n}`)
      .join(', ')}`,
    `Votes: ${report.votes.helpful} helpful, ${report.votes.notHelpful} not helpful`,
    '',
    'Unanswered and unsure questions (rewordings counted together), most asked first:',
  );
  if (report.unanswered.length === 0) lines.push('  none');
  for (const u of report.unanswered) {
    lines.push(
      `  ${u.count}×  ${stripTerminalControls(u.question)}  (last asked ${when(u.lastAsked)})`,
    );
  }
  lines.push('', 'Answers voted Not helpful, most votes first:');
  if (report.notHelpful.length === 0) lines.push('  none');
  for (const n of report.notHelpful) {
    lines.push(
      `  ${n.count}×  ${stripTerminalControls(n.question)}  (cited: ${n.docIds.join(', ') || 'nothing'})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
