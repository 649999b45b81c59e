import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'strikebot-sides-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const evalSides = (args: string[]) => runCli('src/cli/eval-sides.ts', args, { DATA_DIR: dataDir });

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
