import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNSURE_TEXT } from '../../src/core/answer/compose.ts';
import { createEngine, type Engine, newestDocuments } from '../../src/core/engine.ts';
import type { SourceDocument } from '../../src/core/types.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import { sidesProfileSchema } from '../../src/domain/sides-schema.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { englishThesaurus } from '../../src/resources/thesaurus.ts';
import { testModel } from '../fixtures/test-model.ts';

const docs: SourceDocument[] = [
  {
    id: 'ferry-2021',
    title: 'Harbor town launches a bigger ferry',
    publisher: 'Coast Courier',
    date: '2021-06-02',
    url: 'https://example.org/ferry',
    body: [
      'The new ferry carries 48 cars and 300 passengers across the bay.',
      '',
      '“We waited ten years for this boat,” said Mayor Lena Ortiz. “It changes everything for the island.”',
      '',
      'Crossings start at 6 a.m. and end at 11 p.m. every day.',
    ].join('\n'),
  },
  {
    id: 'bridge-2023',
    title: 'Island bridge plan stalls',
    publisher: 'Bay Weekly',
    date: '2023-03-15',
    body: [
      'The county shelved the bridge plan because the cost rose to $90 million.',
      '',
      'Ferry riders will keep using the harbor terminal at 12 Wharf Street.',
      '',
      'Repairs will close the terminal on these days:',
      '',
      '  • Monday, April 3',
      '  • Tuesday, April 4',
    ].join('\n'),
  },
];

describe('createEngine over inline documents', () => {
  const engine = createEngine(docs, {
    model: testModel,
    profile: { subject: 'a harbor town' },
    thesaurus: englishThesaurus,
  });

  it('answers with a cited, verbatim snippet and its source', () => {
    const answer = engine.answer('How many cars does the ferry carry?');
    expect(answer).toMatchObject({
      answered: true,
      question: 'How many cars does the ferry carry?',
    });
    expect(answer.citations[0]).toMatchObject({
      n: 1,
      docId: 'ferry-2021',
      title: 'Harbor town launches a bigger ferry',
      publisher: 'Coast Courier',
      date: '2021-06-02',
      url: 'https://example.org/ferry',
      snippet: 'The new ferry carries 48 cars and 300 passengers across the bay.',
    });
    expect(answer.text.split('\n')[0]).toBe(
      'The new ferry carries 48 cars and 300 passengers across the bay. [1]',
    );
  });

  it('prefers the sentence holding the kind of answer asked for', () => {
    expect(engine.answer('What time do ferry crossings start?').citations[0]?.snippet).toBe(
      'Crossings start at 6 a.m. and end at 11 p.m. every day.',
    );
    expect(engine.answer('Why was the bridge plan shelved?').citations[0]?.snippet).toBe(
      'The county shelved the bridge plan because the cost rose to $90 million.',
    );
  });

  it('cites a quotation with the sentence naming its speaker', () => {
    expect(engine.answer('Who waited ten years for the boat?').citations[0]?.snippet).toBe(
      '“We waited ten years for this boat,” said Mayor Lena Ortiz.',
    );
    // A quotation whose speaker is named in the sentence before is quoted with that sentence.
    expect(engine.answer('What changes everything for the island?').citations[0]?.snippet).toBe(
      '“We waited ten years for this boat,” said Mayor Lena Ortiz. “It changes everything for the island.”',
    );
  });

  it('quotes a list with the sentence that introduces it', () => {
    expect(engine.answer('Which days will repairs close the terminal?').citations[0]?.snippet).toBe(
      'Repairs will close the terminal on these days:\n\n  • Monday, April 3\n  • Tuesday, April 4',
    );
  });

  it('reads chat spelling: typos, run-together words and function words', () => {
    const answer = engine.answer('how mny cars can the feery carry');
    expect(answer.citations[0]?.snippet).toBe(
      'The new ferry carries 48 cars and 300 passengers across the bay.',
    );
    expect(engine.explain('how mny cars can the feery carry').question).toMatchObject({
      corrected: 'how many cars can the feery carry',
      type: 'number',
    });
  });

  it('says "not sure" with the closest passages when the best sentence covers part of the question', () => {
    const answer = engine.answer('How many cars does the ferry carry on winter weekends?');
    expect(answer).toMatchObject({ answered: false, reason: 'unsure', text: UNSURE_TEXT });
    expect(answer.citations[0]?.snippet).toBe(
      'The new ferry carries 48 cars and 300 passengers across the bay.',
    );
  });

  it('names the words no document mentions among the closest passages', () => {
    expect(engine.answer('How many cars does the ferry carry for tourists?')).toMatchObject({
      reason: 'unsure',
      unmentioned: ['tourists'],
    });
    expect(
      engine.answer('How many cars does the ferry carry on winter weekends?').unmentioned,
    ).toEqual(['winter', 'weekends']);
  });

  it('says what the documents cover when nothing comes close', () => {
    const answer = engine.answer('What is the capital of France?');
    expect(answer).toEqual({
      question: 'What is the capital of France?',
      answered: false,
      reason: 'not-found',
      citations: [],
      text:
        "I couldn't find that in the documents. My 2 documents about a harbor town (Coast Courier, Bay Weekly) " +
        'run from Jun 2021 to Mar 2023. None of them mentions “capital” or “France”. Newest: "Island bridge plan stalls" (2023-03-15); "Harbor town launches a bigger ferry" (2021-06-02).',
    });
  });

  it('refuses empty and over-long questions with the reason', () => {
    expect(engine.answer('   ')).toMatchObject({ answered: false, reason: 'empty', question: '' });
    expect(engine.answer('?!…').text).toBe(
      'Ask me a question about a harbor town, for example: "What happened?"',
    );
    const long = engine.answer('why '.repeat(200));
    expect(long).toMatchObject({ answered: false, reason: 'too-long' });
    expect(long.text).toBe(
      'Your question is 799 characters long; please keep it under 500 characters.',
    );
    expect(long.question).toHaveLength(500);
  });

  it('answers a follow-up from the earlier question, and a fresh question on its own', () => {
    const history = ['How many cars does the ferry carry?'];
    expect(engine.answer('and passengers?', { history }).citations[0]?.snippet).toBe(
      'The new ferry carries 48 cars and 300 passengers across the bay.',
    );
    const explained = engine.explain('Why was the bridge plan shelved?', { history });
    expect(explained.question.concepts.some((c) => c.carried)).toBe(false);
  });

  it('explains each candidate feature by feature', () => {
    const explanation = engine.explain('How many cars does the ferry carry?');
    const top = explanation.candidates[0];
    expect(top?.snippet).toBe('The new ferry carries 48 cars and 300 passengers across the bay.');
    const exact = top?.contributions.find((c) => c.feature === 'coverage.exact');
    expect(exact).toEqual({ feature: 'coverage.exact', value: 1, weight: 4, contribution: 4 });
    expect(explanation.decision.outcome).toBe('answer');
  });

  it('round-trips through a snapshot with identical answers', () => {
    const restored = createEngine(docs, { model: testModel, snapshot: engine.toSnapshot() });
    const q = 'How many cars does the ferry carry?';
    expect(restored.answer(q)).toEqual(createEngine(docs, { model: testModel }).answer(q));
    expect(() =>
      createEngine(docs.slice(1), { model: testModel, snapshot: engine.toSnapshot() }),
    ).toThrow(/snapshot was taken over \d+ documents, not \d+/);
    const shorter = docs.map((d) => ({ ...d, body: d.body.slice(0, 40) }));
    expect(() =>
      createEngine(shorter, { model: testModel, snapshot: engine.toSnapshot() }),
    ).toThrow('does not fit the documents');
    const garbage = new TextEncoder().encode('{not a snapshot');
    expect(() => createEngine(docs, { model: testModel, snapshot: garbage })).toThrow(
      'cannot be read',
    );
  });

  it('refuses a model fitted on other features, naming the fix', () => {
    const stale = {
      ...testModel,
      ranker: { ...testModel.ranker, features: ['old'], weights: [1] },
    };
    expect(() => createEngine(docs, { model: stale })).toThrow(/run npm run train/);
  });

  it('never throws and stays bounded on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), (question) => {
        const answer = engine.answer(question);
        expect(typeof answer.text).toBe('string');
        expect(answer.citations.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the trained engine over the knowledge folder', () => {
  let engine: Engine;
  let bodies: Map<string, string>;
  beforeAll(async () => {
    const documents = await loadKnowledge('knowledge');
    engine = createStrikebotEngine(documents);
    bodies = new Map(documents.map((d) => [d.id, d.body]));
  });

  const questions = [
    'How many mental health workers went on strike in Southern California?',
    'Why did the union call off the strike?',
    'What did Kaiser offer?',
    'how mny therapists quit',
    'is kaiser a nonprofit?',
    'What happened in Bakersfield?',
    'How much was Kaiser fined?',
  ];

  it('copies every snippet verbatim from its document body, within the limits', () => {
    for (const q of questions) {
      const answer = engine.answer(q);
      const seen = new Set<string>();
      expect(answer.citations.length).toBeLessThanOrEqual(3);
      answer.citations.forEach((c, i) => {
        expect(c.n).toBe(i + 1);
        expect(bodies.get(c.docId)).toContain(c.snippet);
        expect(c.snippet.length).toBeGreaterThan(0);
        expect(c.snippet.length).toBeLessThanOrEqual(500);
        expect(seen.has(`${c.docId}:${c.snippet}`)).toBe(false);
        seen.add(`${c.docId}:${c.snippet}`);
      });
    }
  });

  it('finds the answers to the questions a new user tried', () => {
    expect(engine.answer(questions[0] as string).citations[0]?.snippet).toContain('Nearly 2,400');
    expect(engine.answer('is kaiser a nonprofit?').citations[0]?.snippet).toContain(
      'Kaiser Permanente is a non-profit organization',
    );
  });

  it('says it cannot find off-topic questions', () => {
    for (const q of ['What is the best pizza in Rome?', 'Who won the World Series in 1998?']) {
      expect(engine.answer(q)).toMatchObject({ answered: false, reason: 'not-found' });
    }
  });
});

describe('newestDocuments', () => {
  const doc = (id: string, date?: string): SourceDocument => ({
    id,
    title: id,
    body: 'x',
    ...(date ? { date } : {}),
  });

  it('keeps the newest first, equal dates in corpus order and undated ones last', () => {
    const documents = [
      doc('undated'),
      doc('2019', '2019-01-02'),
      doc('2024a', '2024-10-14'),
      doc('2018', '2018-12-09'),
      doc('2024b', '2024-10-14'),
      doc('2022', '2022-08-15'),
    ];
    expect(newestDocuments(documents, 4).map((d) => d.id)).toEqual([
      '2024a',
      '2024b',
      '2022',
      '2019',
    ]);
    expect(newestDocuments(documents, 10).map((d) => d.id)).toEqual([
      '2024a',
      '2024b',
      '2022',
      '2019',
      '2018',
      'undated',
    ]);
    expect(newestDocuments([], 3)).toEqual([]);
  });
});

describe('a question the sides argue over that no passage answers', () => {
  // A made-up dispute between a ferry crews' guild and the ferry company. The model finds no
  // passage good enough to answer or even come close, so only each side's claim can be shown.
  const dispute: SourceDocument[] = [
    {
      id: 'ferry-dispute',
      title: 'Ferry crews walk out',
      date: '2024-02-05',
      body: [
        'Ferry crews stopped work on Monday.',
        '',
        '“Harbor Ferries sends every boat out with half the deckhands it needs,” said Mara Quist, president of the Ferry Crews Guild.',
        '',
        'Harbor Ferries said it hired 40 deckhands this winter.',
        '',
        'Tickets stay cheap enough for most commuters.',
        '',
        'The crews voted on Sunday night.',
      ].join('\n'),
    },
  ];
  const sides = sidesProfileSchema.parse({
    sides: [
      { id: 'union', label: 'Guild', organisations: ['Ferry Crews Guild'] },
      { id: 'employer', label: 'Company', organisations: ['Harbor Ferries'] },
    ],
  });
  const neverSure = {
    ...testModel,
    answer: { ...testModel.answer, threshold: 2 },
    closest: { ...testModel.closest, threshold: 2 },
  };
  const engine = createEngine(dispute, {
    model: neverSure,
    profile: { sides },
    thesaurus: englishThesaurus,
  });

  it('shows each side’s claim, labelled, as the closest passages when every word is in the documents', () => {
    const answer = engine.answer('Does Harbor Ferries have enough deckhands?');
    expect(answer).toMatchObject({
      answered: false,
      reason: 'unsure',
      layout: 'both-sides',
      text: UNSURE_TEXT,
    });
    expect(answer.citations.map((c) => [c.speaker?.label, c.snippet])).toEqual([
      ['Company', 'Harbor Ferries said it hired 40 deckhands this winter.'],
      ['Reporter', 'Tickets stay cheap enough for most commuters.'],
      [
        'Guild',
        '“Harbor Ferries sends every boat out with half the deckhands it needs,” said Mara Quist, president of the Ferry Crews Guild.',
      ],
    ]);
  });

  it('still finds nothing when the question holds a word no document uses, or asks for a date', () => {
    expect(engine.answer('Does Harbor Ferries have enough lifeboats?')).toMatchObject({
      reason: 'not-found',
      citations: [],
    });
    expect(engine.answer('When did the crews vote?')).toMatchObject({
      reason: 'not-found',
      citations: [],
    });
  });
});
