import { describe, expect, it } from 'vitest';
import { stripUndefined } from '../../src/core/strip-undefined.ts';

describe('stripUndefined', () => {
  it('drops options given as undefined, so spreading keeps the defaults', () => {
    const defaults = { max: 3, name: 'ferry', quiet: true };
    const given = { max: undefined, name: 'barge', quiet: false };
    expect({ ...defaults, ...stripUndefined(given) }).toEqual({
      max: 3,
      name: 'barge',
      quiet: false,
    });
  });

  it('keeps null, zero and empty strings, which are values', () => {
    expect(stripUndefined({ a: null, b: 0, c: '', d: undefined })).toEqual({
      a: null,
      b: 0,
      c: '',
    });
  });
});
