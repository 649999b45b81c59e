import { describe, expect, it } from 'vitest';
import {
  formatConsoleReply,
  formatConsoleSources,
  formatTextAnswer,
} from '../../src/cli/format-text.ts';
import { confidentAnswer, notFoundAnswer, unsureAnswer } from '../fixtures/outcomes.ts';
import { manySources, sampleSources } from '../fixtures/sources.ts';

describe('formatTextAnswer', () => {
  it('prints a confident answer with its sources', () => {
    expect(formatTextAnswer(confidentAnswer)).toBe(
      [
        'Pickets start at 6 a.m. [1]',
        '',
        'Sources:',
        '[1] "Pickets start at 6 a.m. at every clinic."',
        '    Picket lines return, Valley Ledger, 2024-10-21',
      ].join('\n'),
    );
  });

  it('prints the closest passages under a different opening when the engine is unsure', () => {
    expect(formatTextAnswer(unsureAnswer)).toBe(
      [
        "I'm not sure the documents answer this exactly; these passages come closest:",
        '',
        '[1] "Pickets start at 6 a.m. at every clinic."',
        '    Picket lines return, Valley Ledger, 2024-10-21',
        '[2] "Organisers asked members to arrive early."',
        '    Strike notice <https://example.org/notice>',
      ].join('\n'),
    );
  });

  it('prints only the text when nothing was found', () => {
    expect(formatTextAnswer(notFoundAnswer)).toBe(
      "I couldn't find that in the documents. They cover the dispute from 2018 to 2024.",
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
