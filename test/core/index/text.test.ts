import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from '../../../src/core/index/text.ts';

describe('normalizeText', () => {
  it('folds case, curly quotes, apostrophes and diacritics', () => {
    expect(normalizeText('Kaiser’s “Café” RÉSUMÉ')).toBe('kaiser\'s "cafe" resume');
  });

  it('drops zero-width and bidi control characters', () => {
    expect(normalizeText('stri\u200bke\u202e now')).toBe('strike now');
  });
});

describe('tokenize', () => {
  it('keeps numbers searchable without separators and reads "%" as percent', () => {
    expect(tokenize('Nearly 2,400 workers, an 18% raise and $50 million')).toEqual([
      'nearli',
      '2400',
      'worker',
      '18',
      'percent',
      'rais',
      '50',
      'million',
    ]);
  });

  it('stems, drops stop words and possessives, and reads number words as digits', () => {
    expect(tokenize('The union’s therapists waited six weeks')).toEqual([
      'union',
      'therapist',
      'wait',
      '6',
      'week',
    ]);
  });

  it('splits hyphenated words and phone numbers into parts', () => {
    expect(tokenize('Land-Ariizumi called 1-888-466-2219')).toEqual([
      'land',
      'ariizumi',
      'call',
      '1',
      '888',
      '466',
      '2219',
    ]);
  });
});
