import { describe, expect, it } from 'vitest';
import {
  formatConsoleReply,
  formatConsoleSources,
  formatTextAnswer,
} from '../../src/cli/format-text.ts';
import type { Citation } from '../../src/core/types.ts';
import { confidentAnswer, notFoundAnswer, unsureAnswer } from '../fixtures/outcomes.ts';
import { manySources, sampleSources } from '../fixtures/sources.ts';

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
    const opening = (layout: 'both-sides' | 'newest-first' | 'by-event' | 'sides-after') =>
      formatTextAnswer({ ...unsureAnswer, layout }).split('\n')[0];
    expect(opening('both-sides')).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, each side's claim labelled (the sides disagree):",
    );
    expect(opening('newest-first')).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, the newest documents first (the newest is from October 21, 2024):",
    );
    const undated = unsureAnswer.citations.map((c) => ({ ...c, date: undefined }));
    expect(
      formatTextAnswer({ ...unsureAnswer, layout: 'newest-first', citations: undated }).split(
        '\n',
      )[0],
    ).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, the newest documents first:",
    );
    expect(opening('by-event')).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, one per event (there are several), newest first:",
    );
    expect(opening('sides-after')).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, then each side's nearest claim, labelled:",
    );
    expect(
      formatTextAnswer({ ...unsureAnswer, layout: 'by-event', eventYears: [2025, 2022] }).split(
        '\n',
      )[0],
    ).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, one per event (2025, 2022), newest first:",
    );
  });

  it('names the question’s words no document mentions, and claims no dispute over them', () => {
    const opening = (layout?: 'both-sides') =>
      formatTextAnswer({
        ...unsureAnswer,
        unmentioned: ['parking', 'valet'],
        ...(layout ? { layout } : {}),
      }).split('\n')[0];
    expect(opening()).toBe(
      "I'm not sure the documents answer this exactly: none of them mentions “parking” or “valet”. These passages come closest:",
    );
    expect(opening('both-sides')).toBe(
      "I'm not sure the documents answer this exactly: none of them mentions “parking” or “valet”. These passages come closest, each side's claim labelled:",
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

describe('formatConsoleSources', () => {
  it('prints the count, the rebuild time, the refused files and every document', () => {
    expect(
      formatConsoleSources({
        kind: 'sources',
        sources: sampleSources,
        page: 1,
        command: ':sources',
      }),
    ).toBe(
      [
        '3 documents (24 sentences), newest first. Index last rebuilt 2026-01-15 12:00 UTC.',
        '1 file could not be loaded; I keep answering from the last good index until it is fixed:',
        '  knowledge/bad.md:3: front matter: "date" must be an ISO date like 2024-10-14, got "Oct 14"',
        '1. Therapists reach a *tentative* agreement & end strike',
        '   Valley Ledger · 2025-05-24 · 14 sentences',
        '2. Picket notice',
        '   2024-10-14 · 1 sentence',
        '3. What the strike is about',
        '   NUHW · undated · 9 sentences',
      ].join('\n'),
    );
  });

  it('prints all of a long list, whatever page was asked for', () => {
    const text = formatConsoleSources({
      kind: 'sources',
      sources: manySources(120),
      page: 3,
      command: ':sources',
    });
    expect(text.split('\n')).toHaveLength(1 + 120 * 2);
    expect(text).toContain('\n120. Article 120: ');
  });

  it('removes terminal control characters from titles and errors', () => {
    const text = formatConsoleSources({
      kind: 'sources',
      sources: {
        ...sampleSources,
        documents: [{ id: 'x', title: 'Strike\u001b[2J news\u0007', sentences: 2 }],
      },
      page: 1,
      command: ':sources',
    });
    expect(text).toContain('\n1. Strike news\n   undated · 2 sentences');
  });
});
