import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishCount } from '../../src/core/question/background.ts';
import profile from '../../src/domain/profile.json' with { type: 'json' };

const CORE = join(import.meta.dirname, '..', '..', 'src', 'core');

/** Every file of src/core, with its text. */
function coreFiles(dir = CORE): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return [{ path, text: readFileSync(path, 'utf8') }];
  });
}

/**
 * The names the domain profile gives as facts of this corpus: abbreviations and what they stand
 * for, the publishers that speak for a side and the people it names, whole, and each of their
 * words that is no common English word (SUBTLEX-US count under 100: "Kaiser", "Rosselli").
 */
function corpusNames(): string[] {
  const { abbreviations, sides } = profile;
  const phrases = [
    ...Object.entries(abbreviations).flat(),
    ...sides.sides.flatMap((side) => side.publishers),
    ...sides.people.map((person) => person.name),
  ];
  const rare = phrases
    .flatMap((phrase) => phrase.split(/\s+/))
    .filter((word) => englishCount(word.toLowerCase()) < 100);
  return [...new Set([...phrases, ...rare])];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('src/core', () => {
  it('names nothing of the strike corpus: its names are data in the domain profile', () => {
    const names = corpusNames();
    expect(names).toContain('Kaiser');
    expect(names).toContain('NUHW');
    expect(names).toContain('Rosselli');
    const found = coreFiles().flatMap(({ path, text }) =>
      names
        .filter((name) => new RegExp(`\\b${escapeRegExp(name)}\\b`, 'i').test(text))
        .map((name) => `${path.slice(CORE.length + 1)}: ${name}`),
    );
    expect(found).toEqual([]);
  });
});
