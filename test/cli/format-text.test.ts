import { describe, expect, it } from 'vitest';
import { formatConsoleReply, formatTextAnswer } from '../../src/cli/format-text.ts';
import { confidentAnswer, notFoundAnswer, unsureAnswer } from '../fixtures/outcomes.ts';

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
