import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = 'node_modules/.bin/tsx';

async function ask(args: string[], input?: string) {
  try {
    const child = run(tsx, args, {
      env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' },
    });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
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
    expect(answer.answered).toBe(true);
    expect(answer.citations[0].snippet).toContain('Nearly 2,400');
    expect(Object.keys(answer).sort()).toEqual(['answered', 'citations', 'question', 'text']);
  });

  it('prints answered: false with the reason for an empty question, and exits 0', async () => {
    const { code, stdout } = await ask(['src/cli/ask.ts', '--json', '   ']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ answered: false, reason: 'empty', citations: [] });
  });

  it('exits 2 with usage when no question is given', async () => {
    const { code, stdout, stderr } = await ask(['src/cli/ask.ts', '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage: npm run ask -- [--json] "your question"');
  });
});

describe('console chat (npm start without tokens)', { timeout: 60_000 }, () => {
  it('answers every piped line with its source, then exits', async () => {
    const { code, stdout } = await ask(
      ['src/main.ts'],
      'How many mental health workers went on strike in Southern California?\nWhat is the capital of France?\n',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Q: How many mental health workers went on strike in Southern California\?\n[^\n]*Nearly 2,400 mental health workers/,
    );
    expect(stdout).toContain(
      '    Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
    );
    expect(stdout).toContain(
      "Q: What is the capital of France?\nI couldn't find that in the documents.",
    );
  });
});
