import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine.ts';
import type { SourceDocument } from '../../../src/core/types.ts';
import { testModel } from '../../fixtures/test-model.ts';

/**
 * A small corpus where "ferry" and "island" are each in over 50 sentences (common words, left
 * out of the first index query) and "fog" is in one: the sentence that holds only the common
 * words must still be found.
 */
const filler = Array.from({ length: 55 }, (_, i) => [
  `The ferry made crossing number ${i + 1}.`,
  `Visitors reached the island on day ${i + 1}.`,
]).flat();
const docs: SourceDocument[] = [
  {
    id: 'log',
    title: 'Ferry log',
    body: [
      ...filler,
      'Thick fog kept every boat in the harbour on Friday.',
      'The ferry to the island waited for the captain.',
    ].join('\n\n'),
  },
];

describe('retrieve', () => {
  const engine = createEngine(docs, { model: testModel });

  it('fills the candidates with sentences holding only the question’s common words', () => {
    const texts = engine
      .explain('was the ferry to the island cancelled in the fog?')
      .candidates.map((c) => c.chunk.text);
    expect(texts).toContain('Thick fog kept every boat in the harbour on Friday.');
    expect(texts).toContain('The ferry to the island waited for the captain.');
    expect(texts).toHaveLength(40);
  });
});
