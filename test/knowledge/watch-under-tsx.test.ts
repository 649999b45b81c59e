import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, 'fixtures', 'reload-under-tsx.ts');
let root: string | undefined;

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

// Under `npm start` the main thread runs with tsx's loader; the worker must load its TypeScript
// there too (vitest, which runs the other tests, loads TypeScript its own way).
describe('hot reload under tsx', { timeout: 60_000 }, () => {
  it('builds the new index in a worker that loads TypeScript', async () => {
    root = await mkdtemp(join(tmpdir(), 'strikebot-tsx-'));
    const dir = join(root, 'knowledge');
    await mkdir(dir);
    await writeFile(
      join(dir, 'first.md'),
      '---\ntitle: First\n---\nTherapists walked off the job in Fresno on Monday morning.\n',
    );
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      SCRIPT,
      dir,
      join(root, 'index.bin'),
    ]);
    expect(JSON.parse(stdout)).toEqual(['Added while running', 'First']);
  });
});
