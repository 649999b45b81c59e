import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadEngineWithSnapshot,
  readSnapshotFile,
  SNAPSHOT_FILE_FORMAT,
  snapshotKey,
} from '../../src/knowledge/snapshot.ts';
import { createLogger } from '../../src/logger.ts';

const STRIKE = `---
title: Kaiser therapists strike in Southern California
publisher: Example News
date: 2024-10-14
---
Nearly 2,400 mental health workers at Kaiser Permanente went on strike Monday.

The union said patients wait more than six weeks for a return visit.
`;

const TALKS = `---
title: Bargaining resumes
publisher: Example Wire
date: 2024-11-02
---
Kaiser and the union returned to the bargaining table on Nov. 2.

A federal mediator joined the talks in Oakland.
`;

const QUESTION = 'How many mental health workers went on strike?';

let dir: string;
let snapshot: string;
let lines: string[];
const logger = () =>
  createLogger({ level: 'debug', write: (line) => lines.push(line), now: () => new Date(0) });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikebot-snapshot-'));
  await writeFile(join(dir, 'strike.md'), STRIKE);
  await writeFile(join(dir, 'talks.md'), TALKS);
  snapshot = join(dir, '.cache', 'index.bin');
  lines = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('snapshotKey', () => {
  it('changes when a knowledge file changes, and not when a hidden file does', async () => {
    const before = await snapshotKey(dir);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(join(dir, '.notes'), 'ignored');
    expect(await snapshotKey(dir)).toBe(before);
    await writeFile(join(dir, 'talks.md'), TALKS.replace('Oakland', 'Pasadena'));
    expect(await snapshotKey(dir)).not.toBe(before);
  });

  it('changes with the engine version', async () => {
    expect(await snapshotKey(dir, 'engine-a')).not.toBe(await snapshotKey(dir, 'engine-b'));
  });
});

describe('loadEngineWithSnapshot', () => {
  it('builds and writes a missing snapshot, then loads it with identical answers', async () => {
    const built = await loadEngineWithSnapshot(dir, snapshot, {}, logger());
    expect(built.source).toBe('built');
    expect(built.reason).toBe('missing');
    const file = await readSnapshotFile(snapshot);
    expect(file?.header.format).toBe(SNAPSHOT_FILE_FORMAT);
    expect(file?.header.key).toBe(await snapshotKey(dir));
    expect(built.snapshotBytes).toBe((await readFile(snapshot)).length);

    const loaded = await loadEngineWithSnapshot(dir, snapshot, {}, logger());
    expect(loaded.source).toBe('snapshot');
    expect(loaded.reason).toBeUndefined();
    expect(loaded.engine.chunks).toEqual(built.engine.chunks);
    const answer = loaded.engine.answer(QUESTION);
    expect(answer.citations[0]?.snippet).toBe(
      'Nearly 2,400 mental health workers at Kaiser Permanente went on strike Monday.',
    );
    expect(answer).toEqual(built.engine.answer(QUESTION));
    expect(loaded.timings.totalMs).toBeGreaterThan(0);
  });

  it('rebuilds a stale snapshot after a knowledge file changes', async () => {
    await loadEngineWithSnapshot(dir, snapshot);
    const oldKey = (await readSnapshotFile(snapshot))?.header.key;
    await writeFile(join(dir, 'strike.md'), STRIKE.replace('2,400', '2,500'));
    const rebuilt = await loadEngineWithSnapshot(dir, snapshot, {}, logger());
    expect(rebuilt.source).toBe('built');
    expect(rebuilt.reason).toBe('stale');
    const newKey = (await readSnapshotFile(snapshot))?.header.key;
    expect(newKey).not.toBe(oldKey);
    expect(newKey).toBe(rebuilt.key);
    expect(rebuilt.engine.answer(QUESTION).citations[0]?.snippet).toContain('2,500');
    expect((await loadEngineWithSnapshot(dir, snapshot)).source).toBe('snapshot');
  });

  it('rebuilds a corrupt snapshot with a warning instead of failing', async () => {
    await loadEngineWithSnapshot(dir, snapshot);
    await writeFile(snapshot, 'not a snapshot {');
    const rebuilt = await loadEngineWithSnapshot(dir, snapshot, {}, logger());
    expect(rebuilt.source).toBe('built');
    expect(rebuilt.reason).toBe('corrupt');
    expect(lines[0]).toBe(
      `1970-01-01T00:00:00.000Z WARN index snapshot unusable; rebuilding it ${JSON.stringify({
        path: snapshot,
        error: `${snapshot}: not a strikebot index snapshot (${SNAPSHOT_FILE_FORMAT}); run npm run build:index`,
      })}`,
    );
    expect((await loadEngineWithSnapshot(dir, snapshot)).source).toBe('snapshot');
  });

  it('rebuilds a truncated snapshot and one whose index does not parse', async () => {
    await loadEngineWithSnapshot(dir, snapshot);
    const bytes = await readFile(snapshot);
    await writeFile(snapshot, bytes.subarray(0, bytes.length - 10));
    const truncated = await loadEngineWithSnapshot(dir, snapshot, {}, logger());
    expect(truncated.reason).toBe('corrupt');
    expect(lines[0]).toContain('truncated');

    const header = JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8'));
    await writeFile(snapshot, `${JSON.stringify({ ...header, length: 5 })}\n{"ve`);
    const garbled = await loadEngineWithSnapshot(dir, snapshot, {}, logger());
    expect(garbled.reason).toBe('corrupt');
    expect(garbled.engine.answer(QUESTION).citations[0]?.snippet).toContain('Nearly 2,400');
  });
});
