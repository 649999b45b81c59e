/**
 * A question log on a full disk: the real `src/main.ts` (console chat) runs with `DATA_DIR` on a
 * tiny tmpfs filled to the last byte, in a mount namespace of its own. It logs one error naming
 * the file, answers every question all the same, and `npm run report` says the log is
 * unavailable.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { botEnvironment, repoRoot, startBotProcess } from '../fixtures/bot-process.ts';

vi.setConfig({ testTimeout: 90_000 });

let dir: string;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a question log on a full disk', () => {
  it('costs one error naming the file; every question is answered and the report says so', async () => {
    dir = await mkdtemp(join(tmpdir(), 'strikebot-full-disk-'));
    const data = join(dir, 'data');
    const node = process.execPath;
    // Inside its own mount namespace: a 64 KB tmpfs over DATA_DIR, filled up, then the bot and
    // the report.
    const script = [
      'set -u',
      `mkdir -p "${data}"`,
      `mount -t tmpfs -o size=64k tmpfs "${data}"`,
      `head -c 1048576 /dev/zero > "${data}/filler" 2>/dev/null`,
      `df -k "${data}" | tail -1 | awk '{print "free-kb:" $4}'`,
      `printf 'When did the union contract expire?\\nWho won the World Series last year?\\nthanks!\\n' | "${node}" --import tsx src/main.ts`,
      'echo "main-exit:$?"',
      `"${node}" --import tsx src/cli/report.ts`,
      'echo "report-exit:$?"',
    ].join('\n');
    const run = startBotProcess(
      botEnvironment({
        KNOWLEDGE_DIR: join(repoRoot, 'knowledge'),
        INDEX_SNAPSHOT: join(dir, 'index.bin'),
        DATA_DIR: data,
        LOG_LEVEL: 'info',
      }),
      ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', script],
    );
    const { code } = await run.exited;
    const output = run.output();
    expect(code, output).toBe(0);
    expect(output).toContain('free-kb:0');
    const file = join(data, 'strikebot.db');
    const errors = output.split('\n').filter((line) => line.includes(' ERROR '));
    expect(errors, output).toHaveLength(1);
    expect(errors[0]).toContain(
      `ERROR question log ${file} is unavailable (SQLITE_FULL: database or disk is full); still answering, without logging questions`,
    );
    // Answered from the documents (confidently or with the closest passages), never the apology.
    expect(output).toMatch(
      /Q: When did the union contract expire\?\n(?:[^\n]*\n){0,3}[^\n]*expired/,
    );
    expect(output).not.toContain('Sorry, something went wrong');
    expect(output).toContain(
      "Q: Who won the World Series last year?\nI couldn't find that in the documents.",
    );
    expect(output).toContain("Q: thanks!\nYou're welcome!");
    expect(output).toContain('main-exit:0');
    expect(output).toContain(`report: the question log ${file} is unavailable (`);
    expect(output).toContain('report-exit:1');
  });
});
