import { createThesaurus, type Thesaurus } from '../core/question/wordnet.ts';
import table from './wordnet.json' with { type: 'json' };

/** English WordNet 3.1, distilled (`npm run build:wordnet`), for the engine's question analysis. */
export const englishThesaurus: Thesaurus = createThesaurus(table.words);
