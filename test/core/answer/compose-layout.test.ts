import { describe, expect, it } from 'vitest';
import {
  composeBothSidesText,
  composeEventsText,
  composeNewestText,
  formatDate,
} from '../../../src/core/answer/compose-layout.ts';
import type { Citation } from '../../../src/core/types.ts';

const cite = (n: number, snippet: string, over: Partial<Citation> = {}): Citation => ({
  n,
  docId: `d${n}`,
  title: `T${n}`,
  snippet,
  score: 1,
  ...over,
});
const guild = { side: 'guild', label: 'Guild' };
const hospital = { name: 'Lena Park', role: 'chief executive', side: 'hospital', label: 'Bayview' };
const reporter = { side: 'reporter', label: 'Reporter' };

describe('formatDate', () => {
  it('writes a day, a month or a year as people read them', () => {
    expect(formatDate('2025-05-08')).toBe('May 8, 2025');
    expect(formatDate('2024-10')).toBe('October 2024');
    expect(formatDate('2019')).toBe('2019');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('composeBothSidesText', () => {
  it('says the sides disagree, then quotes each side under its label', () => {
    expect(
      composeBothSidesText([
        cite(1, 'Wards are understaffed every night.', { speaker: guild }),
        cite(2, '“Staffing meets every ratio,” Park said.', { speaker: hospital }),
        cite(3, 'The strike began Tuesday.', { speaker: reporter, publisher: 'Bay Weekly' }),
      ]),
    ).toBe(
      [
        'The sides disagree on this.',
        'Guild: “Wards are understaffed every night.” [1]',
        'Bayview, Lena Park: “Staffing meets every ratio,” Park said. [2]',
        'Reporter (Bay Weekly): The strike began Tuesday. [3]',
      ].join('\n'),
    );
  });
});

describe('composeNewestText', () => {
  const newest = cite(1, 'Nurses went back to work.', {
    speaker: reporter,
    publisher: 'Bay Weekly',
    date: '2021-11-03',
  });

  it('says how recent the newest answering document is and dates the older ones', () => {
    expect(composeNewestText([newest, cite(2, 'x', { date: '2019-03' }), cite(3, 'y')])).toBe(
      [
        'The newest document that answers this is from November 3, 2021 (Bay Weekly):',
        'Reporter (Bay Weekly): Nurses went back to work. [1]',
        'Older: [2] March 2019; [3] undated.',
      ].join('\n'),
    );
  });

  it('says when the newest document of all is newer than the answer', () => {
    expect(composeNewestText([newest], '2022-01-15').split('\n').at(-1)).toBe(
      'My newest document is from January 15, 2022.',
    );
    expect(composeNewestText([newest], '2021-11-03').split('\n')).toHaveLength(2);
  });
});

describe('composeEventsText', () => {
  it('counts the events and quotes each with its year, in the order given', () => {
    expect(
      composeEventsText(
        [
          cite(1, 'The walkout lasted ten weeks.', { speaker: reporter }),
          cite(2, 'The strike lasted three days.', { speaker: guild }),
        ],
        [2021, 2019],
      ),
    ).toBe(
      [
        'The documents tell of 2 such events, newest first:',
        '2021 — Reporter: The walkout lasted ten weeks. [1]',
        '2019 — Guild: “The strike lasted three days.” [2]',
      ].join('\n'),
    );
  });
});
