import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadEngineWithSnapshot,
  readSnapshotFile,
  snapshotKey,
} from '../../src/knowledge/snapshot.ts';
import {
  type EngineHolder,
  type RefusedEvent,
  type ReloadedEvent,
  watchKnowledge,
} from '../../src/knowledge/watch-knowledge.ts';
import { createLogger } from '../../src/logger.ts';

let root: string;
let dir: string;
let snapshotPath: string;
let holder: EngineHolder | undefined;
let logs: string[];

const STRIKE = `---
title: Therapists strike in Fresno
date: 2024-10-14
---
About 300 therapists walked off the job in Fresno on Monday, the union said.
`;
const CONTRACT = `---
title: Contract ratified
date: 2025-05-28
---
Members ratified the four-year contract by a vote of 1,842 to 96 on Wednesday.
`;
const PENSION = `---
title: Pensions restored
date: 2025-06-02
---
The agreement restores the pension plan for clinicians hired after 2019, the union said.
`;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'strikebot-watch-'));
  dir = join(root, 'knowledge');
  snapshotPath = join(root, 'cache', 'index.bin');
  await rm(dir, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(dir));
  await writeFile(join(dir, 'strike.md'), STRIKE);
  await writeFile(join(dir, 'contract.md'), CONTRACT);
  logs = [];
});

afterEach(async () => {
  await holder?.close();
  holder = undefined;
  await rm(root, { recursive: true, force: true });
});

async function start(): Promise<EngineHolder> {
  const loaded = await loadEngineWithSnapshot(dir, snapshotPath);
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
  holder = watchKnowledge({
    dir,
    snapshotPath,
    initial: loaded,
    logger,
    debounceMs: 200,
    recheckMs: 100,
  });
  return holder;
}

/** The next `event` of the holder, or a failure after 20 s. */
function next<E extends 'reloaded' | 'refused'>(
  target: EngineHolder,
  event: E,
): Promise<E extends 'reloaded' ? ReloadedEvent : RefusedEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 20 s`)), 20_000);
    const listener = (value: ReloadedEvent) => {
      clearTimeout(timer);
      target.off(event, listener);
      resolve(value as never);
    };
    target.on(event as 'reloaded', listener);
  });
}

const titles = (target: EngineHolder) => target.current().documents.map((d) => d.title);
const snippetOf = (target: EngineHolder, question: string) =>
  target.current().answer(question).citations[0]?.snippet;

describe('watchKnowledge', () => {
  it('picks up an added file, answers from it and rewrites the snapshot', async () => {
    const watched = await start();
    expect(titles(watched)).toEqual(['Contract ratified', 'Therapists strike in Fresno']);
    const reloaded = next(watched, 'reloaded');
    await writeFile(join(dir, 'pension.md'), PENSION);
    expect(await reloaded).toMatchObject({ documents: 3 });
    expect(titles(watched)).toEqual([
      'Contract ratified',
      'Pensions restored',
      'Therapists strike in Fresno',
    ]);
    expect(snippetOf(watched, 'Was the pension plan restored?')).toBe(
      'The agreement restores the pension plan for clinicians hired after 2019, the union said.',
    );
    await watched.idle();
    const snapshot = await readSnapshotFile(snapshotPath);
    expect(snapshot?.header.key).toBe(await snapshotKey(dir));
    expect(watched.state().sentences.get('pension')).toBe(1);
    // The worker said when its modules were loaded, before its first build came back.
    expect(
      logs.filter((line) => / DEBUG index worker ready \{"ms":\d+\}$/.test(line)),
    ).toHaveLength(1);
  });

  it('follows a changed file and a removed one', async () => {
    const watched = await start();
    let reloaded = next(watched, 'reloaded');
    await writeFile(join(dir, 'strike.md'), STRIKE.replace('About 300', 'About 450'));
    await reloaded;
    expect(snippetOf(watched, 'How many therapists walked off the job in Fresno?')).toBe(
      'About 450 therapists walked off the job in Fresno on Monday, the union said.',
    );
    reloaded = next(watched, 'reloaded');
    await rm(join(dir, 'contract.md'));
    expect(await reloaded).toMatchObject({ documents: 1 });
    expect(titles(watched)).toEqual(['Therapists strike in Fresno']);
  });

  it('rebuilds once for a burst of changes', async () => {
    const watched = await start();
    let rebuilds = 0;
    watched.on('reloaded', () => {
      rebuilds++;
    });
    const reloaded = next(watched, 'reloaded');
    for (let i = 0; i < 12; i++) {
      await writeFile(
        join(dir, `burst-${i}.md`),
        `---\ntitle: Picket ${i}\n---\nPicket number ${i} formed outside the clinic on Tuesday morning.\n`,
      );
    }
    await reloaded;
    await watched.idle();
    expect(rebuilds).toBe(1);
    expect(watched.current().documents).toHaveLength(14);
  });

  it('keeps the last good index serving while a file is broken, logs the file and line, and recovers', async () => {
    const watched = await start();
    const before = watched.current();
    const refused = next(watched, 'refused');
    const broken = join(dir, 'broken.md');
    await writeFile(
      broken,
      '---\ntitle: Broken\ndate: Oct 14\n---\nThe union said talks resumed.\n',
    );
    const error = `${broken}:3: front matter: "date" must be an ISO date like 2024-10-14, got "Oct 14"`;
    expect(await refused).toEqual({
      refused: [{ file: broken, error, code: 'KNOWLEDGE_MALFORMED' }],
    });
    expect(watched.current()).toBe(before);
    expect(snippetOf(watched, 'When was the contract ratified?')).toBe(
      'Members ratified the four-year contract by a vote of 1,842 to 96 on Wednesday.',
    );
    expect(watched.state().refused).toEqual([{ file: broken, error, code: 'KNOWLEDGE_MALFORMED' }]);
    const logged = `WARN knowledge file refused; still serving the last good index ${JSON.stringify({ file: broken, error })}`;
    expect(logs.filter((line) => line.endsWith(logged))).toHaveLength(1);

    const reloaded = next(watched, 'reloaded');
    await writeFile(
      broken,
      '---\ntitle: Fixed\ndate: 2024-10-16\n---\nThe union said talks resumed.\n',
    );
    await reloaded;
    expect(watched.current()).not.toBe(before);
    expect(titles(watched)).toContain('Fixed');
    expect(watched.state().refused).toEqual([]);
  });

  it('keeps serving when the folder is emptied, and recovers when a document comes back', async () => {
    const watched = await start();
    const refused = next(watched, 'refused');
    await rm(join(dir, 'strike.md'));
    await rm(join(dir, 'contract.md'));
    expect((await refused).refused[0]?.error).toBe(
      `knowledge folder ${dir} has no documents; add articles as .md or .txt files`,
    );
    expect(titles(watched)).toEqual(['Contract ratified', 'Therapists strike in Fresno']);
    const reloaded = next(watched, 'reloaded');
    await writeFile(join(dir, 'pension.md'), PENSION);
    await reloaded;
    expect(titles(watched)).toEqual(['Pensions restored']);
  });

  it('follows the folder when it is deleted and made again', async () => {
    const watched = await start();
    const refused = next(watched, 'refused');
    await rm(dir, { recursive: true });
    expect((await refused).refused[0]?.error).toBe(
      `knowledge folder ${dir} does not exist; create it or set KNOWLEDGE_DIR to the folder of articles`,
    );
    expect(titles(watched)).toEqual(['Contract ratified', 'Therapists strike in Fresno']);
    const reloaded = next(watched, 'reloaded');
    await mkdir(dir);
    await writeFile(join(dir, 'pension.md'), PENSION);
    await reloaded;
    expect(titles(watched)).toEqual(['Pensions restored']);
    const again = next(watched, 'reloaded');
    await writeFile(join(dir, 'strike.md'), STRIKE);
    await again;
    expect(titles(watched)).toEqual(['Pensions restored', 'Therapists strike in Fresno']);
    expect(
      logs.filter((line) => line.includes('INFO watching the knowledge folder again')),
    ).toHaveLength(1);
  });

  it('follows a folder renamed into its place, and changes made in it afterwards', async () => {
    const watched = await start();
    const replacement = join(root, 'knowledge.new');
    await mkdir(replacement);
    await writeFile(join(replacement, 'pension.md'), PENSION);
    const reloaded = next(watched, 'reloaded');
    await rename(dir, join(root, 'knowledge.old'));
    await rename(replacement, dir);
    await reloaded;
    expect(titles(watched)).toEqual(['Pensions restored']);
    const again = next(watched, 'reloaded');
    await writeFile(join(dir, 'contract.md'), CONTRACT);
    await again;
    expect(titles(watched)).toEqual(['Contract ratified', 'Pensions restored']);
    expect(
      logs.filter((line) => line.includes('INFO watching the knowledge folder again')),
    ).toHaveLength(1);
  });
});
