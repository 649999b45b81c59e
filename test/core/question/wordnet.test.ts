import { describe, expect, it } from 'vitest';
import { createThesaurus, emptyThesaurus } from '../../../src/core/question/wordnet.ts';

// A made-up table in the distilled format: "synonym#senseRank,...;nounLexFile;verbLexFile".
const thesaurus = createThesaurus({
  hope: 'wish#1;7;37',
  hop: 'jump#1;4;38',
  detail: 'item#1;9;32',
  detailed: 'elaborate#1;',
  admit: 'acknowledge#1;;32',
  say: 'state#1;10;32',
  deny: 'refuse#1;;32',
  site: 'place#1;15',
});

describe('createThesaurus', () => {
  it('reads the category of a verb’s commonest sense through its inflections', () => {
    const forms = ['hoped', 'hoping', 'hopped', 'detailed', 'admitted', 'says', 'said', 'denies'];
    expect(forms.map((w) => thesaurus.verbCategory(w))).toEqual([37, 37, 38, 32, 32, 32, 32, 32]);
    expect(thesaurus.verbCategory('site')).toBeUndefined();
    expect(emptyThesaurus.verbCategory('say')).toBeUndefined();
  });

  it('keeps a noun’s category and synonyms apart from its verb’s', () => {
    expect(thesaurus.nounCategory('sites')).toBe(15);
    expect(thesaurus.nounCategory('admit')).toBeUndefined();
    expect(thesaurus.synonymsOf('hope')).toEqual([{ word: 'wish', senseRank: 1 }]);
  });
});
