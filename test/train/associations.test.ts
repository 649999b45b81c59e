import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/core/index/chunk.ts';
import type { SingleQuestion } from '../../src/eval/score.ts';
import { learnAssociations } from '../../src/train/associations.ts';

const chunks = chunkDocument({
  id: 'd',
  title: 'Town news',
  body: [
    'Many nurses left the clinic in spring.',
    'Two drivers left the depot after the pay cut.',
    'The library opened a new wing.',
    'The mayor opened the bridge.',
  ].join('\n\n'),
});

const questions: SingleQuestion[] = [
  { question: 'how many nurses quit the clinic', answer_any: ['nurses left the clinic'] },
  { question: 'why did the drivers quit', answer_any: ['drivers left the depot'] },
  { question: 'what did the library open', answer_any: ['opened a new wing'] },
  { question: 'what did the mayor open', answer_any: ['mayor opened the bridge'] },
];

describe('learnAssociations', () => {
  it('learns a word that answers keep using for a question word, seen in two groups', () => {
    // Index terms: "left" is read as "leave" and stemmed.
    expect(learnAssociations(questions, chunks).quit).toEqual(['leav']);
  });

  it('needs the pair in at least minGroups groups', () => {
    expect(learnAssociations(questions.slice(0, 1), chunks).quit).toBeUndefined();
    expect(learnAssociations(questions, chunks, { minGroups: 3 }).quit).toBeUndefined();
  });
});
