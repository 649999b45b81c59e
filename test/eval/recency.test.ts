import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/core/types.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';

// The seed documents, with and without the unseen articles of May 2025 that report the end of the
// Southern California strike (test/eval/unseen/knowledge/2025-05-*.md).
const root = join(import.meta.dirname, '..', '..');
const unseen = join(root, 'test/eval/unseen/knowledge');
const seeds = await loadKnowledge(join(root, 'knowledge'));
const all = await loadKnowledge(unseen);
const mayIds = (await readdir(unseen))
  .filter((f) => f.startsWith('2025-05-'))
  .map((f) => f.replace(/\.md$/, ''));
const may2025 = all.filter((d) => mayIds.includes(d.id));

const ask = (documents: SourceDocument[], question: string) =>
  createStrikebotEngine(documents).answer(question);

describe('questions about the present', () => {
  it('quote the newer article first once the articles on the end of the strike are added', () => {
    expect(mayIds).toHaveLength(3);
    const before = ask(seeds, 'is the strike still on?');
    expect(before.citations[0]?.date ?? '').not.toMatch(/^2025/);
    const after = ask([...seeds, ...may2025], 'is the strike still on?');
    expect(after.layout).toBe('newest-first');
    expect(after.citations[0]?.date).toBe('2025-05-08');
    expect(mayIds).toContain(after.citations[0]?.docId);
    // Each citation shows its date; the newest come first.
    const dates = after.citations.map((c) => c.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('questions matching several events', () => {
  it('quote one passage per event, newest first, from more than one year', () => {
    // Waits were reported in the 2018 strike and again in the 2022 one.
    const answer = ask(
      [...seeds, ...all],
      'how long do patients have to wait for therapy appointments',
    );
    expect(answer.layout).toBe('by-event');
    const years = answer.citations.map((c) => Number(c.date?.slice(0, 4)));
    expect(years.length).toBeGreaterThanOrEqual(2);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years).toEqual([2022, 2018]);
    // Each citation's event year travels with the answer, for the platforms to name.
    expect(answer.eventYears).toEqual([2022, 2018]);
  });
});
