import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = 'node_modules/.bin/tsx';
const dataDir = mkdtempSync(join(tmpdir(), 'strikebot-sides-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function evalSides(args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ['src/cli/eval-sides.ts', ...args], {
      env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('eval:sides CLI', { timeout: 120_000 }, () => {
  it('adds the documents of every --also-knowledge folder, and prints only JSON with --json', async () => {
    const { code, stdout } = await evalSides([
      '--questions',
      'test/eval/unseen2/contested.jsonl',
      '--json',
      '--also-knowledge',
      'test/eval/unseen/knowledge',
      '--also-knowledge',
      'test/eval/unseen2/knowledge',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect([report.contested, report.factual]).toEqual([13, 12]);
    const cited = (id: string): string[] =>
      report.results.find((q: { id: string }) => q.id === id).cited;
    // A sentence of the first folder (a 2022 Vacaville story) and one of the second (Kaiser's
    // 2025 notice) are both quoted.
    expect(cited('h2c01')).toContain(
      'union: The strike, which began on Aug. 15, came as Kaiser therapist',
    );
    expect(cited('h2c07')).toContain(
      'employer: This strike is an unnecessary, common bargaining tactic by t',
    );
  });

  it('names a missing folder and exits 1', async () => {
    const { code, stderr } = await evalSides([
      '--questions',
      'test/eval/unseen2/contested.jsonl',
      '--also-knowledge',
      'no/such/folder',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('no/such/folder');
  });
});
