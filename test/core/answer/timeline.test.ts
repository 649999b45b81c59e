import { describe, expect, it } from 'vitest';
import {
  clusterEvents,
  extractTimeline,
  filterTimeline,
  quoteAround,
  yearsNamedIn,
} from '../../../src/core/answer/timeline.ts';
import { chunkDocument } from '../../../src/core/index/chunk.ts';
import type { Chunk, SourceDocument } from '../../../src/core/types.ts';

const older: SourceDocument = {
  id: 'older',
  title: 'Nurses plan strike',
  date: '2019-03-06',
  body:
    'Nurses at Bayview walked out Monday for three days. Their contract expired Jan. 31.\n\n' +
    'The hospital has added 40 beds since 2015, officials said.',
};
const newer: SourceDocument = {
  id: 'newer',
  title: 'Strike ends',
  date: '2021-11-03',
  body:
    'The second strike ended Tuesday after six weeks. The contract expired Jan. 31, 2021.\n\n' +
    'No date is given here.',
};
const undated: SourceDocument = {
  id: 'undated',
  title: 'Undated note',
  body: 'Their contract expired Jan. 31. Pickets formed in 2021 on Harbor Road.',
};

function chunksOf(documents: SourceDocument[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const d of documents) chunks.push(...chunkDocument(d, chunks.length));
  return chunks;
}

const documents = [older, newer, undated];
const chunks = chunksOf(documents);

describe('extractTimeline', () => {
  it('lists each dated sentence oldest first with its resolved date and a verbatim quote', () => {
    expect(
      extractTimeline(documents, chunks).map((e) => [e.date, e.dateText, e.quote, e.docId]),
    ).toEqual([
      ['2015', '2015', 'The hospital has added 40 beds since 2015, officials said.', 'older'],
      ['2019-01-31', 'Jan. 31', 'Their contract expired Jan. 31.', 'older'],
      ['2019-03-04', 'Monday', 'Nurses at Bayview walked out Monday for three days.', 'older'],
      ['2021', '2021', 'Pickets formed in 2021 on Harbor Road.', 'undated'],
      ['2021-01-31', 'Jan. 31, 2021', 'The contract expired Jan. 31, 2021.', 'newer'],
      ['2021-11-02', 'Tuesday', 'The second strike ended Tuesday after six weeks.', 'newer'],
    ]);
  });

  it('keeps one entry for one event reported by several documents on the same date', () => {
    const copy: SourceDocument = { ...older, id: 'copy', body: 'The contract expired Jan. 31.' };
    const entries = extractTimeline([older, copy], chunksOf([older, copy]));
    expect(entries.filter((e) => e.date === '2019-01-31')).toEqual([
      {
        date: '2019-01-31',
        precision: 'day',
        dateText: 'Jan. 31',
        quote: 'The contract expired Jan. 31.',
        docId: 'copy',
        chunkId: 3,
        alsoIn: ['older'],
      },
    ]);
  });

  it('carries the speaker of each sentence when given', () => {
    const speakers = chunks.map((c) => (c.docId === 'older' ? { side: 'union' } : undefined));
    const entry = extractTimeline(documents, chunks, speakers).find((e) => e.docId === 'older');
    expect(entry?.speaker).toEqual({ side: 'union' });
  });
});

describe('extractTimeline on a long sentence', () => {
  it('says where the quote leaves words of its sentence out', () => {
    const long: SourceDocument = {
      id: 'long',
      title: 'Night ward',
      date: '2021-11-03',
      body:
        'After months of talks that went nowhere and a vote that was nearly unanimous, ' +
        'the nurses of the night ward walked out on Monday, leaving the wards to agency staff ' +
        'who had been hired for the purpose weeks before.',
    };
    const [entry] = extractTimeline([long], chunkDocument(long));
    expect(entry?.quote).toBe('the nurses of the night ward walked out on Monday');
    expect(entry?.cut).toEqual({ before: true, after: true });
    const [whole] = extractTimeline(documents, chunks);
    expect(whole?.cut).toBeUndefined();
  });
});

describe('quoteAround', () => {
  it('quotes the clause that holds the date when the sentence is long', () => {
    const sentence =
      'After months of talks that went nowhere and a vote that was nearly unanimous, ' +
      'the nurses of the night ward walked out on Monday, leaving the wards to agency staff ' +
      'who had been hired for the purpose weeks before.';
    const quote = quoteAround(sentence, sentence.indexOf('Monday'), sentence.indexOf('Monday') + 6);
    expect(quote).toBe('the nurses of the night ward walked out on Monday');
    expect(sentence.includes(quote)).toBe(true);
  });

  it('starts a quote cut inside a clause at a word that means something', () => {
    // The last 160 characters start at "of the": the quote starts after them.
    const tail = `of the ${'ward '.repeat(26)}nurses walk out Monday.`;
    const sentence = `Thousands ${'word '.repeat(20)}${tail}`;
    expect(tail).toHaveLength(160);
    const at = sentence.indexOf('Monday');
    expect(quoteAround(sentence, at, at + 6)).toBe(tail.slice('of the '.length));
  });

  it('cuts a long clause at spaces to at most the limit, keeping the date', () => {
    const sentence = `${'word '.repeat(60)}in 2019 ${'more '.repeat(60)}end.`;
    const at = sentence.indexOf('2019');
    const quote = quoteAround(sentence, at, at + 4);
    expect(quote.length).toBeLessThanOrEqual(160);
    expect(quote).toContain('in 2019');
    expect(sentence.includes(quote)).toBe(true);
  });
});

describe('yearsNamedIn', () => {
  it('reads the four-digit years of a question, not other numbers', () => {
    expect(yearsNamedIn('how long was the 2018 strike, and the 2019 one?')).toEqual([2018, 2019]);
    expect(yearsNamedIn('did 2,000 therapists or 300 walk out in 1899?')).toEqual([]);
  });
});

describe('filterTimeline', () => {
  const entries = extractTimeline(documents, chunks);

  it('keeps a year’s entries', () => {
    expect(filterTimeline(entries, '2019').map((e) => e.date)).toEqual([
      '2019-01-31',
      '2019-03-04',
    ]);
  });

  it('keeps entries whose quote holds every word, in any form', () => {
    expect(filterTimeline(entries, 'contracts expired').map((e) => e.date)).toEqual([
      '2019-01-31',
      '2021-01-31',
    ]);
    expect(filterTimeline(entries, '2021 strike').map((e) => e.date)).toEqual(['2021-11-02']);
  });

  it('keeps everything for an empty query and nothing for words no quote holds', () => {
    expect(filterTimeline(entries, '  ')).toHaveLength(entries.length);
    expect(filterTimeline(entries, 'parking')).toEqual([]);
  });
});

describe('clusterEvents', () => {
  const docs: SourceDocument[] = [
    { id: 'a', title: 'A', date: '2019-03-06', body: 'The 2019 strike lasted three days.' },
    { id: 'b', title: 'B', date: '2021-11-03', body: 'The strike lasted six weeks.' },
    {
      id: 'c',
      title: 'C',
      body: 'A ten-week strike at the north clinics cost 9,000 visits.',
    },
    {
      id: 'd',
      title: 'D',
      body: 'Staff at the north clinics held a ten-week strike.',
    },
    { id: 'e', title: 'E', date: '2021-10-01', body: 'Nurses vowed a long strike.' },
  ];
  const candidates = chunksOf(docs).map((chunk, i) => ({ chunk, score: 10 - i }));
  const dateOf = (id: string) => docs.find((d) => d.id === id)?.date;

  it('groups candidates into events by year (the sentence’s own date first), newest first, undated ones after by what they say', () => {
    const clusters = clusterEvents(candidates, dateOf);
    expect(clusters.map((c) => [c.year, c.date, c.members.map((m) => m.chunk.docId)])).toEqual([
      [2021, '2021-11-03', ['b', 'e']],
      [2019, '2019', ['a']],
      [undefined, undefined, ['c', 'd']],
    ]);
  });

  it('keeps the members of each event in the order given (best first)', () => {
    const reversed = [...candidates].reverse();
    expect(clusterEvents(reversed, dateOf)[0]?.members.map((m) => m.chunk.docId)).toEqual([
      'e',
      'b',
    ]);
  });
});
