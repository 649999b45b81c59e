import { describe, expect, it } from 'vitest';
import { splitNameAtEnd, splitNameAtStart, surnameOf } from '../../../src/core/answer/names.ts';

describe('splitNameAtEnd', () => {
  it('splits a title written before a name', () => {
    expect(splitNameAtEnd('Elk Grove psychologist Jane Doe')).toEqual({
      name: 'Jane Doe',
      rest: 'Elk Grove psychologist',
    });
    expect(splitNameAtEnd('State Board Director Amy Wu')).toEqual({
      name: 'Amy Wu',
      rest: 'State Board Director',
    });
  });

  it('keeps a middle initial and a hyphenated surname', () => {
    expect(splitNameAtEnd('Janet Q. Smith-Lowe')).toEqual({
      name: 'Janet Q. Smith-Lowe',
      rest: '',
    });
  });

  it('reads a lone surname', () => {
    expect(splitNameAtEnd('Ortiz')).toEqual({ name: 'Ortiz', rest: '' });
  });

  it('finds no name in lower-case words, acronyms, openers, months or places', () => {
    expect(splitNameAtEnd('the hospital officials')).toBeUndefined();
    expect(splitNameAtEnd('The DMV')).toBeUndefined();
    expect(splitNameAtEnd('In March')).toBeUndefined();
    expect(splitNameAtEnd('Bayview Medical Center')).toBeUndefined();
  });
});

describe('splitNameAtStart', () => {
  it('splits the description after a name', () => {
    expect(splitNameAtStart('Jane Doe with the nurses’ guild')).toEqual({
      name: 'Jane Doe',
      rest: 'with the nurses’ guild',
    });
  });

  it('finds no name in a phrase starting in lower case', () => {
    expect(splitNameAtStart('the guild')).toBeUndefined();
  });
});

describe('surnameOf', () => {
  it('is the last word in lower case', () => {
    expect(surnameOf('Janet Q. Smith-Lowe')).toBe('smith-lowe');
  });
});
