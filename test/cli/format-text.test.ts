import { describe, expect, it } from 'vitest';
import { formatConsoleReply, formatTextAnswer } from '../../src/cli/format-text.ts';
import type { Citation } from '../../src/core/types.ts';
import { confidentAnswer, notFoundAnswer, unsureAnswer } from '../fixtures/outcomes.ts';

describe('formatTextAnswer', () => {
  it('prints a confident answer with its sources', () => {
    expect(formatTextAnswer(confidentAnswer)).toBe(
      [
        'Pickets start at 6 a.m. [1]',
        '',
        'Sources:',
        '[1] Reporter (Valley Ledger): Pickets start at 6 a.m. at every clinic.',
        '    Picket lines return, Valley Ledger, 2024-10-21',
      ].join('\n'),
    );
  });

  it('prints the closest passages under a different opening when the engine is unsure', () => {
    expect(formatTextAnswer(unsureAnswer)).toBe(
      [
        "I'm not sure the documents answer this exactly; these passages come closest:",
        '',
        '[1] Reporter (Valley Ledger): Pickets start at 6 a.m. at every clinic.',
        '    Picket lines return, Valley Ledger, 2024-10-21',
        '[2] Guild, Dana Ortiz: “Organisers asked members to arrive early.”',
        '    Strike notice, undated <https://example.org/notice>',
      ].join('\n'),
    );
  });

  it('says how closest passages are arranged when the engine arranged them', () => {
    const opening = (layout: 'both-sides' | 'newest-first' | 'by-event') =>
      formatTextAnswer({ ...unsureAnswer, layout }).split('\n')[0];
    expect(opening('both-sides')).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, each side's claim labelled (the sides disagree):",
    );
    expect(opening('newest-first')).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, the newest documents first:",
    );
    expect(opening('by-event')).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, one per event (there are several), newest first:",
    );
  });

  it('prints only the text when nothing was found', () => {
    expect(formatTextAnswer(notFoundAnswer)).toBe(
      "I couldn't find that in the documents. They cover the dispute from 2018 to 2024.",
    );
  });

  it('quotes a citation without a known speaker in quote marks', () => {
    const [citation] = confidentAnswer.citations;
    const text = formatTextAnswer({
      ...confidentAnswer,
      citations: [{ ...(citation as Citation), speaker: undefined, date: undefined }],
    });
    expect(text.split('\n').slice(-2)).toEqual([
      '[1] “Pickets start at 6 a.m. at every clinic.”',
      '    Picket lines return, Valley Ledger, undated',
    ]);
  });

  it('lists a timeline one event a line under its heading, and says when nothing matches', () => {
    const event = {
      date: '2019-12-16',
      quote: 'Workers plan to strike',
      source: 'ABC7',
      docId: 'a',
    };
    expect(
      formatConsoleReply({
        kind: 'timeline',
        query: '2019',
        events: [event, { ...event, date: '2019-12', quote: 'Talks broke down', source: 'KQED' }],
      }),
    ).toBe(
      [
        'Timeline for “2019”: 2 dated events, oldest first.',
        'December 16, 2019 — “Workers plan to strike” (ABC7)',
        'December 2019 — “Talks broke down” (KQED)',
      ].join('\n'),
    );
    expect(formatConsoleReply({ kind: 'timeline', query: 'parking', events: [] })).toBe(
      'No dated events in the documents match “parking”. Try a year (for example 2024) or fewer words.',
    );
  });

  it('drops terminal control sequences from anything it prints', () => {
    const reply = formatConsoleReply({
      kind: 'text',
      text: 'red \u001b[31malert\u001b[0m\u0007 bell',
    });
    expect(reply).toBe('red alert bell');
  });
});
