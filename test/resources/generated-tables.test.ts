import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  IRREGULAR_FORMS_FILE,
  irregularFormsFile,
} from '../../src/resources/build-irregular-forms.ts';
import { WORDNET_FILE, wordnetTable } from '../../src/resources/build-wordnet.ts';

describe('generated language tables', () => {
  it('src/core/index/irregular-forms.json is what npm run build:irregular-forms writes', () => {
    expect(readFileSync(IRREGULAR_FORMS_FILE, 'utf8')).toBe(irregularFormsFile());
  });

  it('src/core/question/wordnet.json is what npm run build:wordnet writes', () => {
    expect(readFileSync(WORDNET_FILE, 'utf8')).toBe(wordnetTable());
  });
});
