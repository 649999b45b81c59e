import { describe, expect, it } from 'vitest';
import { QUOTE, scanQuotations } from '../../../src/core/answer/quotations.ts';

describe('scanQuotations', () => {
  it('replaces a quoted passage with one mark and keeps the writer’s words', () => {
    expect(scanQuotations('“It is over,” she said.', false)).toEqual({
      frame: `${QUOTE} she said.`,
      quoted: true,
      startsInQuote: false,
      opensQuote: true,
      endsInQuote: false,
    });
  });

  it('reports a quotation left open at the end of the sentence', () => {
    const scan = scanQuotations('He said: “The first shift was empty.', false);
    expect(scan.frame).toBe(`He said: ${QUOTE}`);
    expect(scan.opensQuote).toBe(false);
    expect(scan.endsInQuote).toBe(true);
  });

  it('treats a sentence that starts inside a quotation as quoted up to the closing mark', () => {
    expect(scanQuotations('The second was worse,” Ortiz said.', true)).toEqual({
      frame: `${QUOTE} Ortiz said.`,
      quoted: true,
      startsInQuote: true,
      opensQuote: false,
      endsInQuote: false,
    });
  });

  it('reads straight double quotes by their position', () => {
    expect(scanQuotations('The board called it "unsafe" on Friday.', false).frame).toBe(
      `The board called it ${QUOTE} on Friday.`,
    );
  });

  it('ignores apostrophes and single quotation marks', () => {
    const scan = scanQuotations('The guild’s ‘final’ offer stands.', false);
    expect(scan.frame).toBe('The guild’s ‘final’ offer stands.');
    expect(scan.quoted).toBe(false);
  });

  it('counts a stray closing mark as the end of a passage begun before it', () => {
    expect(scanQuotations('“We stay.” for the patients.”', false).frame).toBe(`${QUOTE}${QUOTE}`);
  });
});
