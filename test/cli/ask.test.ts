import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'strikebot-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs an entry point (the first of `args`) with its arguments, stdin and environment. */
function ask(args: string[], input?: string, env: Record<string, string> = {}) {
  const [script = '', ...rest] = args;
  return runCli(script, rest, { DATA_DIR: dataDir, ...env }, input);
}

describe('ask CLI', { timeout: 60_000 }, () => {
  it('prints only the Answer as JSON with --json', async () => {
    const { code, stdout } = await ask([
      'src/cli/ask.ts',
      '--json',
      'How many mental health workers went on strike in Southern California?',
    ]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    // A confident answer, or the closest passages: either way the sentence is quoted first.
    expect(answer.answered || answer.reason === 'unsure').toBe(true);
    expect(answer.citations[0].snippet).toContain('Nearly 2,400');
    expect(Object.keys(answer).sort()).toEqual(
      answer.answered
        ? ['answered', 'citations', 'question', 'text']
        : ['answered', 'citations', 'question', 'reason', 'text'],
    );
  });

  it('prints answered: false with the reason for an empty question, and exits 0', async () => {
    const { code, stdout } = await ask(['src/cli/ask.ts', '--json', '   ']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ answered: false, reason: 'empty', citations: [] });
  });

  it('exits 2 with usage on a mistyped flag instead of asking it as part of the question', async () => {
    const { code, stdout, stderr } = await ask(['src/cli/ask.ts', '--jsn', 'x']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "Unknown option '--jsn'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--jsn\"\nusage: npm run ask -- [--json] [--explain] \"your question\"\n",
    );
  });

  it('names KNOWLEDGE_DIR when the knowledge folder does not exist', async () => {
    const { code, stdout, stderr } = await ask(['src/cli/ask.ts', 'why strike?'], undefined, {
      KNOWLEDGE_DIR: '/nonexistent',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'strikebot: knowledge folder /nonexistent does not exist; create it or set KNOWLEDGE_DIR to the folder of articles\n',
    );
  });

  it('exits 2 with usage when no question is given', async () => {
    const { code, stdout, stderr } = await ask(['src/cli/ask.ts', '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage: npm run ask -- [--json] [--explain] "your question"');
  });
});

describe('console chat (npm start without tokens)', { timeout: 60_000 }, () => {
  it('names KNOWLEDGE_DIR when the knowledge folder does not exist', async () => {
    const { code, stderr } = await ask(['src/main.ts'], '', { KNOWLEDGE_DIR: '/nonexistent' });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'strikebot: knowledge folder /nonexistent does not exist; create it or set KNOWLEDGE_DIR to the folder of articles\n',
    );
  });

  it('greets, thanks and helps without the engine, and never echoes terminal escapes', async () => {
    const { code, stdout } = await ask(
      ['src/main.ts'],
      'hi!\nthanks!\n\u001b[2J\u001b]0;owned\u0007what can you do?\n',
    );
    expect(code).toBe(0);
    const help = [
      'I answer questions about the Kaiser Permanente mental health strikes (NUHW, 2018 to 2024), quoting news articles and press releases word for word and naming each source. For example:',
      '• Why did Kaiser mental health workers go on strike?',
      '• How many workers struck in Southern California?',
      '• When did the union contract expire?',
      'Type a question and press Enter; earlier questions give context to follow-ups. Ctrl-D quits.',
      'Type :sources to list the documents I answer from.',
      'Type :timeline 2024 to list dated events, oldest first.',
    ];
    expect(stdout).toBe(
      [
        'Q: hi!',
        'Hi!',
        ...help,
        '',
        'Q: thanks!',
        "You're welcome! Ask me anything else about the Kaiser Permanente mental health strikes (NUHW, 2018 to 2024).",
        '',
        'Q: what can you do?',
        ...help,
        '',
        '',
      ].join('\n'),
    );
  });

  it('answers every piped line with its source, then exits', async () => {
    const { code, stdout } = await ask(
      ['src/main.ts'],
      'How many mental health workers went on strike in Southern California?\nWhat is the capital of France?\n',
    );
    expect(code).toBe(0);
    // A confident answer quotes it on the next line; the closest passages, a few lines below.
    expect(stdout).toMatch(
      /Q: How many mental health workers went on strike in Southern California\?\n(?:[^\n]*\n){0,3}[^\n]*Nearly 2,400 mental health workers/,
    );
    expect(stdout).toContain(
      '    Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
    );
    expect(stdout).toContain(
      "Q: What is the capital of France?\nI couldn't find that in the documents.",
    );
  });
});
