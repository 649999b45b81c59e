import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/bench/generate-corpus.ts';
import { generateQuestions } from '../../src/bench/generate-questions.ts';
import { createRandom } from '../../src/bench/random.ts';
import { chunkDocument } from '../../src/core/index/chunk.ts';
import type { SourceDocument } from '../../src/core/types.ts';

const seed: SourceDocument = {
  id: 'seed-strike',
  title: 'Kaiser therapists strike',
  body: 'Nearly 2,400 mental health workers went on strike. The union wants more therapists.',
};

function sentences(documents: readonly SourceDocument[]): number {
  return documents.reduce((n, d) => n + chunkDocument(d).length, 0);
}

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(createRandom(2)()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateCorpus', () => {
  it('gives the same corpus for the same seed and another for another seed', () => {
    const one = generateCorpus({ sentences: 400, seed: 5, seedDocuments: [seed] });
    expect(generateCorpus({ sentences: 400, seed: 5, seedDocuments: [seed] })).toEqual(one);
    expect(generateCorpus({ sentences: 400, seed: 6, seedDocuments: [seed] })).not.toEqual(one);
  });

  it('starts with the seed documents unchanged and reaches the sentence count', () => {
    const documents = generateCorpus({ sentences: 600, seedDocuments: [seed] });
    expect(documents[0]).toBe(seed);
    expect(documents.slice(1).every((d) => d.id.startsWith('generated-'))).toBe(true);
    const count = sentences(documents);
    expect(count).toBeGreaterThanOrEqual(594);
    expect(count).toBeLessThanOrEqual(600);
    // About 30 sentences per generated document.
    expect(documents.length).toBe(1 + Math.ceil((600 - 2) / 30));
  });

  it('uses the seed vocabulary, numbers and names', () => {
    const text = generateCorpus({ sentences: 300, seedDocuments: [seed] })
      .map((d) => d.body)
      .join(' ');
    expect(text).toMatch(/\btherapists\b/);
    expect(text).toMatch(/\d,\d{3}|\d+ percent|\$\d+ million/);
    expect(text).toMatch(/, a [a-z ]+ with /);
  });
});

describe('generateQuestions', () => {
  it('asks the requested number of questions about generated documents, deterministically', () => {
    const documents = generateCorpus({ sentences: 300, seedDocuments: [seed] });
    const questions = generateQuestions(documents, { count: 25 });
    expect(questions).toHaveLength(25);
    expect(questions.every((q) => q.endsWith('?'))).toBe(true);
    expect(generateQuestions(documents, { count: 25 })).toEqual(questions);
    expect(generateQuestions([seed], { count: 5 })).toEqual([]);
  });
});
