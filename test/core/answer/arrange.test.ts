import { describe, expect, it } from 'vitest';
import {
  type ArrangeContext,
  type ArrangeOptions,
  type ArrangeQuestion,
  arrangePassages,
} from '../../../src/core/answer/arrange.ts';
import type { Attribution } from '../../../src/core/answer/attribution.ts';
import type { Passage } from '../../../src/core/answer/passages.ts';
import type { Chunk, SourceDocument } from '../../../src/core/types.ts';

// A made-up dispute between a nurses' guild and a hospital group; every passage is its own chunk.

interface Made {
  id: string;
  text: string;
  probability: number;
  side: string;
  date?: string;
  doc?: string;
  sameClaim?: number[];
  /** Holds the kind of fact the question asks for, when it asks for one (default true). */
  holdsAnswerType?: boolean;
  /** Per question concept, whether the passage expresses it (default: none asked). */
  expresses?: boolean[];
  /** The sentence holds a word of the question (default true). */
  echoes?: boolean;
}

let nextChunk = 0;

function passages(made: readonly Made[]): { pool: Passage[]; context: ArrangeContext } {
  const sides = new Map<number, string>();
  const dates = new Map<string, string | undefined>();
  const pool = made.map((m): Passage => {
    const id = nextChunk++;
    const docId = m.doc ?? `doc-${m.id}`;
    const chunk: Chunk = {
      id,
      docId,
      position: 0,
      paragraph: 0,
      start: 0,
      end: m.text.length,
      text: m.text,
      kind: 'sentence',
    };
    const doc: SourceDocument = {
      id: docId,
      title: m.id,
      body: m.text,
      ...(m.date ? { date: m.date } : {}),
    };
    sides.set(id, m.side);
    dates.set(docId, m.date);
    return {
      chunk,
      probability: m.probability,
      sameClaim: m.sameClaim ?? [],
      snippet: { text: m.text, chunkIds: [id] },
      doc,
      holdsAnswerType: m.holdsAnswerType ?? true,
      expresses: m.expresses ?? [],
      echoes: m.echoes ?? true,
    };
  });
  const context: ArrangeContext = {
    speakerOf: (chunk): Attribution => ({
      speaker: { side: sides.get(chunk.id) ?? 'unknown' },
      reported: true,
    }),
    dateOf: (docId) => dates.get(docId),
  };
  return { pool, context };
}

const options: ArrangeOptions = {
  maxCitations: 3,
  answerShare: 0.25,
  goodShare: 0.025,
  fill: false,
  disputants: ['guild', 'hospital'],
};
const open: ArrangeQuestion = {
  present: false,
  years: [],
  noDispute: false,
  asks: 'account',
};
const titles = (arranged: { passages: Passage[] }) => arranged.passages.map((p) => p.doc.title);

describe('arrangePassages', () => {
  const dispute: Made[] = [
    {
      id: 'guild-1',
      text: 'The guild says wards are understaffed every night.',
      probability: 0.6,
      side: 'guild',
    },
    {
      id: 'guild-2',
      text: 'Nurses say they skip breaks to cover the wards.',
      probability: 0.3,
      side: 'guild',
    },
    { id: 'reporter', text: 'The strike began on a Tuesday.', probability: 0.05, side: 'reporter' },
    {
      id: 'hospital',
      text: 'Bayview said staffing meets every state ratio.',
      probability: 0.03,
      side: 'hospital',
    },
  ];

  it('sets the strongest claim of each side side by side when the best is one side’s claim', () => {
    const { pool, context } = passages(dispute);
    const arranged = arrangePassages(pool, open, context, options);
    expect(arranged.layout).toBe('both-sides');
    // Never a second quote of one side: the third place goes to a voice of neither.
    expect(titles(arranged)).toEqual(['guild-1', 'hospital']);
  });

  it('sets no sides against each other with claims that share no word with the question', () => {
    // Closest passages to a question about something else: found by a synonym or a near spelling.
    const { pool, context } = passages(dispute.map((m) => ({ ...m, echoes: false })));
    const closest = arrangePassages(pool, open, context, { ...options, fill: true });
    expect(closest.layout).toBeUndefined();
    expect(titles(closest)).toEqual(['guild-1', 'guild-2', 'reporter']);
    // Only the other side's claim shares no word: the guild's claim stands alone.
    const oneSide = passages(
      dispute.map((m) => (m.id === 'hospital' ? { ...m, echoes: false } : m)),
    );
    const answer = arrangePassages(oneSide.pool, open, oneSide.context, options);
    expect(answer.layout).toBeUndefined();
    expect(titles(answer)).toEqual(['guild-1', 'guild-2']);
  });

  it('sets against a question naming a year no claim from a document of another year', () => {
    const dated = (date: string | undefined, text?: string) =>
      passages(
        dispute.map((m) =>
          m.id === 'hospital' ? { ...m, ...(date ? { date } : {}), text: text ?? m.text } : m,
        ),
      );
    const in2021: ArrangeQuestion = { ...open, years: [2021] };
    const later = dated('2023-05-02');
    expect(arrangePassages(later.pool, in2021, later.context, options).layout).toBeUndefined();
    // Dated that year, undated, or naming the year: the claim may be about that year's events.
    for (const fits of [
      dated('2021-06-01'),
      dated(undefined),
      dated('2023-05-02', 'Bayview said staffing met every ratio in 2021.'),
    ]) {
      expect(titles(arrangePassages(fits.pool, in2021, fits.context, options))).toEqual([
        'guild-1',
        'hospital',
      ]);
    }
    // A question naming no year takes the claim from any year.
    expect(arrangePassages(later.pool, open, later.context, options).layout).toBe('both-sides');
  });

  it('shows a claim of the other side the model rates low only among closest passages, with no dispute claimed', () => {
    const { pool, context } = passages(
      dispute.map((m) => (m.id === 'hospital' ? { ...m, probability: 0.0001 } : m)),
    );
    // A confident answer: the low claim is no second answer.
    const confident = arrangePassages(pool, open, context, options);
    expect(confident.layout).toBeUndefined();
    expect(titles(confident)).toEqual(['guild-1', 'guild-2']);
    // Closest passages: the hospital's claim comes after them, labelled, undisputed.
    const closest = arrangePassages(pool, open, context, { ...options, fill: true });
    expect(closest.layout).toBe('sides-after');
    expect(titles(closest)).toEqual(['guild-1', 'guild-2', 'reporter', 'hospital']);
  });

  it('sets each side’s best claim after a report that leads, when both claims are good candidates', () => {
    const led = (guild: number, hospital: number) =>
      passages([
        { id: 'report', text: 'Talks broke off at noon.', probability: 0.6, side: 'reporter' },
        {
          id: 'guild',
          text: 'The guild says Bayview walked out.',
          probability: guild,
          side: 'guild',
        },
        { id: 'regulator', text: 'The state board is watching.', probability: 0.1, side: 'state' },
        {
          id: 'hospital',
          text: 'Bayview said talks stalled over pay.',
          probability: hospital,
          side: 'hospital',
        },
      ]);
    const good = led(0.2, 0.05);
    const arranged = arrangePassages(good.pool, open, good.context, options);
    expect(arranged.layout).toBe('both-sides');
    expect(titles(arranged)).toEqual(['report', 'guild', 'hospital']);
    // Filling, the closest passages stay best first and the claim not among them follows.
    const closest = arrangePassages(good.pool, open, good.context, { ...options, fill: true });
    expect(titles(closest)).toEqual(['report', 'guild', 'regulator', 'hospital']);
    // A side's claim under 2.5% of the best's probability is no dispute.
    const weak = led(0.01, 0.05);
    expect(arrangePassages(weak.pool, open, weak.context, options).layout).toBeUndefined();
    // Among closest passages, claims that are both weak are still each side's nearest claim,
    // labelled, after them, with no dispute claimed.
    const faint = led(0.01, 0.005);
    expect(arrangePassages(faint.pool, open, faint.context, options).layout).toBeUndefined();
    const faintClosest = arrangePassages(faint.pool, open, faint.context, {
      ...options,
      fill: true,
    });
    expect(faintClosest.layout).toBe('sides-after');
    expect(titles(faintClosest)).toEqual(['report', 'guild', 'regulator', 'hospital']);
  });

  it('sets no sides against each other on a question asking for one fact', () => {
    const { pool, context } = passages(dispute);
    const arranged = arrangePassages(pool, { ...open, asks: 'fact' }, context, options);
    expect(arranged.layout).toBeUndefined();
    expect(titles(arranged)).toEqual(['guild-1', 'guild-2']);
  });

  it('sets the claims on an amount side by side only when both state one', () => {
    const waits: Made[] = [
      {
        id: 'guild-weeks',
        text: 'The guild says patients wait six weeks for a bed.',
        probability: 0.5,
        side: 'guild',
      },
      {
        id: 'hospital-blame',
        text: 'Bayview said the guild exaggerates the problem.',
        probability: 0.3,
        side: 'hospital',
        holdsAnswerType: false,
      },
      {
        id: 'hospital-days',
        text: 'Bayview said the average wait is four days.',
        probability: 0.2,
        side: 'hospital',
      },
    ];
    const amount: ArrangeQuestion = { ...open, asks: 'amount' };
    const both = passages(waits);
    expect(titles(arrangePassages(both.pool, amount, both.context, options))).toEqual([
      'guild-weeks',
      'hospital-days',
    ]);
    const noFigure = passages(waits.filter((m) => m.id !== 'hospital-days'));
    const arranged = arrangePassages(noFigure.pool, amount, noFigure.context, options);
    expect(arranged.layout).toBeUndefined();
    expect(titles(arranged)).toEqual(['guild-weeks', 'hospital-blame']);
    // A name or what an abbreviation stands for is not in dispute, whoever states it.
    const named = arrangePassages(both.pool, { ...open, asks: 'fact' }, both.context, options);
    expect(named.layout).toBeUndefined();
    expect(titles(named)).toEqual(['guild-weeks', 'hospital-blame', 'hospital-days']);
    // Nor is a date: it says when something happened ("the vote is on May 4", "on May 5").
    const dated = arrangePassages(both.pool, { ...open, asks: 'date' }, both.context, options);
    expect(dated.layout).toBeUndefined();
  });

  it('invents no dispute when the best passage is a report, or the sides say the same', () => {
    const report = passages([dispute[2] as Made, { ...(dispute[3] as Made), probability: 0.04 }]);
    expect(arrangePassages(report.pool, open, report.context, options).layout).toBeUndefined();
    const agree = passages([
      { id: 'guild', text: 'The contract expired Sept. 30.', probability: 0.6, side: 'guild' },
      {
        id: 'hospital',
        text: 'The contract expired on Sept. 30.',
        probability: 0.5,
        side: 'hospital',
      },
    ]);
    expect(arrangePassages(agree.pool, open, agree.context, options).layout).toBeUndefined();
    const twins = passages([
      {
        id: 'guild',
        text: 'Talks resume Friday at noon.',
        probability: 0.6,
        side: 'guild',
        sameClaim: [nextChunk + 1],
      },
      {
        id: 'hospital',
        text: 'Both teams meet again at the end of the week.',
        probability: 0.5,
        side: 'hospital',
      },
    ]);
    expect(arrangePassages(twins.pool, open, twins.context, options).layout).toBeUndefined();
  });

  it('sets no second side against a question asking for one source’s account', () => {
    const { pool, context } = passages(dispute);
    const arranged = arrangePassages(pool, { ...open, noDispute: true }, context, options);
    expect(arranged.layout).toBeUndefined();
  });

  it('keeps closest passages best first and quotes the other side’s claim after them', () => {
    const { pool, context } = passages(dispute);
    const arranged = arrangePassages(pool, open, context, { ...options, fill: true });
    expect(arranged.layout).toBe('both-sides');
    expect(titles(arranged)).toEqual(['guild-1', 'guild-2', 'reporter', 'hospital']);
  });

  it('puts the best passage of each of the newest documents first for a question about now', () => {
    const { pool, context } = passages([
      {
        id: 'old',
        text: 'Nurses walked out on Monday.',
        probability: 0.7,
        side: 'reporter',
        date: '2019-03-04',
      },
      { id: 'undated', text: 'The strike goes on.', probability: 0.2, side: 'reporter' },
      {
        id: 'new',
        text: 'The nurses ratified a deal and went back to work.',
        probability: 0.05,
        side: 'reporter',
        date: '2021-11-03',
        doc: 'd-new',
      },
      {
        id: 'new-2',
        text: 'The deal runs to 2025.',
        probability: 0.04,
        side: 'reporter',
        date: '2021-11-03',
        doc: 'd-new',
      },
      {
        id: 'weak',
        text: 'A parade was held.',
        probability: 0.001,
        side: 'reporter',
        date: '2022-01-01',
      },
    ]);
    const arranged = arrangePassages(pool, { ...open, present: true }, context, options);
    expect(arranged.layout).toBe('newest-first');
    // The 2022 passage is no good candidate (under 2.5% of the best); one passage per document.
    expect(titles(arranged)).toEqual(['new', 'old', 'undated']);
  });

  it('quotes each side’s claim among the newest documents for a question about now', () => {
    const { pool, context } = passages(
      dispute.map((m) => ({ ...m, date: m.id === 'hospital' ? '2019-06-01' : '2020-01-01' })),
    );
    const arranged = arrangePassages(pool, { ...open, present: true }, context, options);
    expect(arranged.layout).toBe('newest-first');
    // The hospital's older claim follows the newest documents' passages.
    expect(titles(arranged)).toEqual(['guild-1', 'guild-2', 'reporter', 'hospital']);
  });

  it('quotes one passage per event, newest first, with its year', () => {
    const { pool, context } = passages([
      {
        id: 'short',
        text: 'The 2019 strike lasted three days.',
        probability: 0.5,
        side: 'reporter',
      },
      {
        id: 'long',
        text: 'The walkout lasted ten weeks.',
        probability: 0.4,
        side: 'reporter',
        date: '2021-11-03',
      },
      {
        id: 'long-2',
        text: 'Nurses were out for ten weeks.',
        probability: 0.3,
        side: 'reporter',
        date: '2021-11-05',
      },
    ]);
    const arranged = arrangePassages(pool, open, context, options);
    expect(arranged).toMatchObject({ layout: 'by-event', years: [2021, 2019] });
    expect(titles(arranged)).toEqual(['long', 'short']);
  });

  it('keeps closest passages in ranking order when only the best is good enough to quote', () => {
    // Told by event, newest first, the closest passages put the best-ranked one lower: measured
    // on the training questions, that costs 4 points of top-1 (0.60 to 0.56), so they stay ranked.
    const { pool, context } = passages([
      {
        id: 'short',
        text: 'The 2019 strike lasted three days.',
        probability: 0.8,
        side: 'reporter',
      },
      {
        id: 'long',
        text: 'The walkout lasted ten weeks.',
        probability: 0.05,
        side: 'reporter',
        date: '2021-11-03',
      },
      { id: 'faint', text: 'Nurses picketed in 2017.', probability: 0.01, side: 'reporter' },
    ]);
    const arranged = arrangePassages(pool, open, context, { ...options, fill: true });
    expect(arranged.layout).toBeUndefined();
    expect(titles(arranged)).toEqual(['short', 'long', 'faint']);
  });

  it('tells each event’s amount for a question asking for one, even when the model rates one event far higher', () => {
    const made: Made[] = [
      {
        id: 'short',
        text: 'The 2019 strike lasted three days.',
        probability: 0.8,
        side: 'reporter',
        expresses: [true],
      },
      {
        id: 'long',
        text: 'The walkout lasted ten weeks.',
        probability: 0.05,
        side: 'reporter',
        date: '2021-11-03',
        expresses: [true],
      },
    ];
    const measure: ArrangeQuestion = { ...open, asks: 'amount' };
    const { pool, context } = passages(made);
    const arranged = arrangePassages(pool, measure, context, { ...options, fill: true });
    expect(arranged).toMatchObject({ layout: 'by-event', years: [2021, 2019] });
    expect(titles(arranged)).toEqual(['long', 'short']);
    // A passage without an amount tells nothing of its event.
    const vague = passages(
      made.map((m) => (m.id === 'long' ? { ...m, holdsAnswerType: false } : m)),
    );
    expect(arrangePassages(vague.pool, measure, vague.context, options).layout).toBeUndefined();
  });

  it('tells no events apart that the question tells apart (a place the other event lacks)', () => {
    const { pool, context } = passages([
      {
        id: 'harbor',
        text: 'The Harbor strike of 2019 lasted three days.',
        probability: 0.8,
        side: 'reporter',
        expresses: [true, true],
      },
      {
        id: 'inland',
        text: 'The inland walkout lasted ten weeks.',
        probability: 0.3,
        side: 'reporter',
        date: '2021-11-03',
        expresses: [true, false],
      },
    ]);
    const arranged = arrangePassages(pool, open, context, options);
    expect(arranged.layout).toBeUndefined();
    expect(titles(arranged)).toEqual(['harbor', 'inland']);
  });

  it('tells no events apart when the question names a year', () => {
    const { pool, context } = passages([
      {
        id: 'short',
        text: 'The 2019 strike lasted three days.',
        probability: 0.5,
        side: 'reporter',
      },
      {
        id: 'long',
        text: 'The walkout lasted ten weeks.',
        probability: 0.4,
        side: 'reporter',
        date: '2021-11-03',
      },
    ]);
    const arranged = arrangePassages(pool, { ...open, years: [2021] }, context, options);
    expect(arranged.layout).toBeUndefined();
    expect(titles(arranged)).toEqual(['short', 'long']);
  });
});
