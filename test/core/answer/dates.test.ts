import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/core/answer/dates.ts';

/** Just the dates found, in order. */
const dates = (sentence: string, documentDate?: string) =>
  findDates(sentence, documentDate).map((d) => d.date);

describe('findDates', () => {
  it('gives a month and day the year that puts it nearest the document date', () => {
    expect(findDates('The lease ran out Aug. 31.', '2021-11-02')).toEqual([
      { date: '2021-08-31', precision: 'day', text: 'Aug. 31', index: 18 },
    ]);
    expect(dates('Talks resume Jan. 4.', '2021-12-20')).toEqual(['2022-01-04']);
    expect(dates('Talks resume the 4th of January.', '2021-12-20')).toEqual(['2022-01-04']);
  });

  it('reads a weekday as the last one on or before the document date, the next one in future tense', () => {
    // 2021-11-03 is a Wednesday.
    expect(dates('Nurses walked out Monday.', '2021-11-03')).toEqual(['2021-11-01']);
    expect(dates('Nurses will walk out Friday.', '2021-11-03')).toEqual(['2021-11-05']);
    expect(dates('The vote is Wednesday.', '2021-11-03')).toEqual(['2021-11-03']);
    expect(dates('They met last Wednesday and meet next Wednesday.', '2021-11-03')).toEqual([
      '2021-10-27',
      '2021-11-10',
    ]);
  });

  it('reads a weekday right after a verb in the past as past, though the sentence speaks of the future', () => {
    // 2021-11-03 is a Wednesday.
    expect(dates('The guild said Monday that it would strike.', '2021-11-03')).toEqual([
      '2021-11-01',
    ]);
    expect(
      dates('The guild announced on Sunday a deal that would end the strike.', '2021-11-03'),
    ).toEqual(['2021-10-31']);
    expect(dates('The guild would strike Friday.', '2021-11-03')).toEqual(['2021-11-05']);
  });

  it('counts relative years and months back from the document year', () => {
    expect(
      findDates(
        'Last year the board fined the hospital; three years ago it warned it.',
        '2021-11-03',
      ),
    ).toEqual([
      { date: '2020', precision: 'year', text: 'Last year', index: 0 },
      { date: '2018', precision: 'year', text: 'three years ago', index: 40 },
    ]);
    expect(dates('Prices rose last month.', '2021-01-15')).toEqual(['2020-12']);
    expect(dates('Talks began in the summer and stalled last fall.', '2021-12-01')).toEqual([
      '2021',
      '2020',
    ]);
    expect(dates('Tomorrow and yesterday, not today.', '2021-03-01')).toEqual([
      '2021-03-02',
      '2021-02-28',
      '2021-03-01',
    ]);
  });

  it('reads dates that name their year without a document date', () => {
    expect(
      dates('Hired between March 2019 and June 2020, on July 4, 2020, 5 May 2021 and 2021-06-01.'),
    ).toEqual(['2019-03', '2020-06', '2020-07-04', '2021-05-05', '2021-06-01']);
    expect(findDates('Beds were added in 2016.')).toEqual([
      { date: '2016', precision: 'year', text: '2016', index: 19 },
    ]);
  });

  it('reads a year between a determiner and the event it names', () => {
    expect(dates('A six-week 2019 walkout ended in a deal.', '2023-05-01')).toEqual(['2019']);
    expect(dates('Their 2021 contract runs out soon.')).toEqual(['2021']);
    expect(dates('The 2,019 nurses voted; 2020 was calm.')).toEqual([]);
  });

  it('leaves out dates it cannot place without the document date', () => {
    expect(dates('Talks resume Jan. 4, the guild said Monday, and again tomorrow.')).toEqual([]);
  });

  it('reads a weekday written with its date as one date', () => {
    expect(dates('Friday, Nov. 5 rally sites', '2021-11-01')).toEqual(['2021-11-05']);
  });

  it('does not read addresses, counts, money or percentages as years', () => {
    expect(dates('At 2019 Elm St., 2,019 nurses asked for $2020 and 2021% more.')).toEqual([]);
  });

  it('skips impossible calendar days', () => {
    expect(dates('On February 30, 2021 nothing happened.')).toEqual([]);
  });
});
