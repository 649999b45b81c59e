import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNamedFile } from '../../src/cli/read-question-file.ts';

describe('readNamedFile', () => {
  it('reads a file as text, and names a file it cannot read with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strikebot-read-'));
    const file = join(dir, 'labels.json');
    writeFileSync(file, '{"documents":{}}');
    expect(await readNamedFile(file)).toBe('{"documents":{}}');
    await expect(readNamedFile(join(dir, 'missing.json'))).rejects.toThrow(
      `cannot read ${join(dir, 'missing.json')}: ENOENT`,
    );
  });
});
