import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine, newestDocuments } from '../../src/core/engine.ts';
import type { SourceDocument } from '../../src/core/types.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';

const docs: SourceDocument[] = [
  {
    id: 'strike-2018',
    title: 'Kaiser therapists to strike for five days',
    publisher: 'Example News',
    date: '2018-12-09',
    url: 'https://example.org/strike',
    body: [
      'Thousands of mental health workers will go on strike against Kaiser Permanente for five days.',
      '',
      '“That’s pretty much denying care,” Land-Ariizumi said. “You delay care up to six weeks, that’s essentially denying it.”',
      '',
      'Negotiations with the union began in the summer.',
    ].join('\n'),
  },
  {
    id: 'strike-2024',
    title: 'Kaiser mental health workers strike across SoCal',
    body: [
      'Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday.',
      '',
      'The union’s contract with Kaiser expired Sept. 30.',
      '',
      'Kaiser offered an 18% pay increase over four years.',
    ].join('\n'),
  },
];

describe('createEngine over inline documents', () => {
  const engine = createEngine(docs);

  it('answers with a cited, verbatim snippet and its source', () => {
    const answer = engine.answer('How many workers went on strike on Monday?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]).toMatchObject({
      n: 1,
      docId: 'strike-2024',
      title: 'Kaiser mental health workers strike across SoCal',
      snippet:
        'Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday.',
    });
    expect(answer.text).toContain('Nearly 2,400 mental health workers');
    expect(answer.text).toContain('[1]');
  });

  it('carries publisher, date and url into the citation', () => {
    const answer = engine.answer('How long was the strike supposed to last?');
    expect(answer.citations[0]).toMatchObject({
      docId: 'strike-2018',
      publisher: 'Example News',
      date: '2018-12-09',
      url: 'https://example.org/strike',
    });
    expect(answer.citations[0]?.snippet).toContain('for five days');
  });

  it('prefers the sentence holding the expected answer type', () => {
    expect(engine.answer('When did the union contract expire?').citations[0]?.snippet).toBe(
      'The union’s contract with Kaiser expired Sept. 30.',
    );
  });

  it('cites a quotation together with the sentence naming its speaker', () => {
    const answer = engine.answer('Who said that delaying care six weeks is denying it?');
    expect(answer.citations[0]?.snippet).toBe(
      '“That’s pretty much denying care,” Land-Ariizumi said. “You delay care up to six weeks, that’s essentially denying it.”',
    );
  });

  it('says the documents do not cover an off-topic question, and what they do cover', () => {
    const answer = engine.answer('What is the capital of France?');
    expect(answer).toMatchObject({ answered: false, reason: 'not-found', citations: [] });
    expect(answer.text).toMatch(/^I couldn't find that in the documents\. The documents cover /);
    expect(answer.text).toContain('"Kaiser therapists to strike for five days" (2018-12-09)');
  });

  it('refuses empty and over-long questions with the reason', () => {
    expect(engine.answer('   ')).toMatchObject({ answered: false, reason: 'empty', question: '' });
    expect(engine.answer('?!…')).toMatchObject({ answered: false, reason: 'empty' });
    const long = engine.answer('why '.repeat(200));
    expect(long).toMatchObject({ answered: false, reason: 'too-long' });
    expect(long.text).toBe(
      'Your question is 799 characters long; please keep it under 500 characters.',
    );
    expect(long.question).toHaveLength(500);
  });

  it('uses the earlier question to answer a short follow-up', () => {
    const history = ['How many workers went on strike on Monday?'];
    expect(engine.answer('and in 2018?', { history }).citations[0]?.snippet).toBe(
      'Thousands of mental health workers will go on strike against Kaiser Permanente for five days.',
    );
    // Without the earlier question there is nothing to go on.
    expect(engine.answer('and in 2018?').answered).toBe(false);
  });

  it('round-trips through a snapshot with identical answers', () => {
    const restored = createEngine(docs, { snapshot: engine.toSnapshot() });
    const q = 'How many workers went on strike?';
    expect(restored.answer(q)).toEqual(engine.answer(q));
    expect(() => createEngine(docs.slice(1), { snapshot: engine.toSnapshot() })).toThrow(
      /snapshot was taken over \d+ documents, not \d+/,
    );
    // Same number of documents, other bodies: the chunk table no longer fits.
    const shorter = docs.map((d) => ({ ...d, body: d.body.slice(0, 40) }));
    expect(() => createEngine(shorter, { snapshot: engine.toSnapshot() })).toThrow(
      'does not fit the documents',
    );
    const garbage = new TextEncoder().encode('{not a snapshot');
    expect(() => createEngine(docs, { snapshot: garbage })).toThrow('cannot be read');
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
    const started = performance.now();
    engine.answer(`${'a.'.repeat(50_000)}`);
    engine.answer(`${'“Strike, '.repeat(10_000)}`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('createEngine over the knowledge folder', () => {
  let engine: Engine;
  let bodies: Map<string, string>;
  beforeAll(async () => {
    const documents = await loadKnowledge('knowledge');
    engine = createEngine(documents);
    bodies = new Map(documents.map((d) => [d.id, d.body]));
  });

  const questions = [
    'How many mental health workers went on strike in Southern California?',
    'Why did the union call off the strike?',
    'What did Kaiser offer?',
    'Who is Mary Watanabe?',
    'What do the pickets want?',
    'What happened in Bakersfield?',
    'How much was Kaiser fined?',
  ];

  it('quotes "Nearly 2,400" for the Southern California strike', () => {
    const answer = engine.answer(questions[0] as string);
    expect(answer.citations[0]?.snippet).toContain('Nearly 2,400');
  });

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

  it('says when several sources report the same thing', () => {
    const answer = engine.answer(questions[0] as string);
    expect(answer.text).toMatch(/\n\d sources say this: /);
  });

  it('abstains on near misses and page clutter', () => {
    for (const q of [
      'How many Kaiser nurses went on strike in Hawaii?',
      'How many people have voted in Collier County?',
      'What is the best pizza in Fontana?',
    ]) {
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
