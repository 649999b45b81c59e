import { describe, expect, it } from 'vitest';
import { formatExplanation } from '../../src/cli/format-explain.ts';
import { createEngine } from '../../src/core/engine.ts';
import type { SourceDocument } from '../../src/core/types.ts';
import { sidesProfileSchema } from '../../src/domain/sides-schema.ts';
import { testModel } from '../fixtures/test-model.ts';

// A made-up dispute: a ferry crews' guild against the ferry company.
const docs: SourceDocument[] = [
  {
    id: 'ferry',
    title: 'Ferry crews walk out',
    body:
      'Ferry crews stopped work on Monday.\n\n' +
      '“The boats are unsafe in winter storms,” said Mara Quist, president of the Ferry Crews Guild.',
  },
];
const sides = sidesProfileSchema.parse({
  sides: [
    { id: 'union', label: 'Guild', organisations: ['Ferry Crews Guild'] },
    { id: 'employer', label: 'Company', organisations: ['Harbor Ferries'] },
  ],
});
const engine = createEngine(docs, { model: testModel, profile: { sides } });

describe('formatExplanation', () => {
  it('says who makes the claim of each candidate, and whether the sentence quotes them', () => {
    const lines = formatExplanation(engine.explain('why did the ferry crews stop work?'), 2).split(
      '\n',
    );
    const speakers = lines.filter((line) => line.startsWith('   speaker: '));
    expect(speakers).toEqual([
      "   speaker: reporter, the document's own voice",
      '   speaker: union, Mara Quist (president of the Ferry Crews Guild), quoted or reported',
    ]);
  });
});
