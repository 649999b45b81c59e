/**
 * Writes an article to the knowledge folder as `<date>-<slug>.md`: YAML front matter, then the
 * article text paragraph by paragraph. The file is created exclusively, so an existing file is
 * never overwritten (a taken name gets `-2`, `-3`...).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { FrontMatter } from '../front-matter.ts';

/** Longest slug, in characters (cut at a word boundary). */
const MAX_SLUG = 60;

/**
 * A file-name slug of a title: ASCII letters and digits, lower case, words joined by `-`.
 *
 * @example
 * slugify('Kaiser, union reach tentative deal'); // 'kaiser-union-reach-tentative-deal'
 */
function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug || 'article';
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG);
}

/** The text of a knowledge file: front matter between `---` lines, a blank line, the body. */
function renderArticle(frontMatter: FrontMatter, body: readonly string[]): string {
  const yaml = stringify(frontMatter, { lineWidth: 0 }).trimEnd();
  return `---\n${yaml}\n---\n${body.join('\n')}\n`;
}

/**
 * Writes the article as `<dir>/<date>-<slug>.md` and returns the path.
 *
 * @example
 * await writeArticle('knowledge', '2025-05-09', fm, body); // 'knowledge/2025-05-09-kaiser-….md'
 */
export async function writeArticle(
  dir: string,
  date: string,
  frontMatter: FrontMatter,
  body: readonly string[],
): Promise<string> {
  const base = `${date}-${slugify(frontMatter.title)}`;
  const content = renderArticle(frontMatter, body);
  for (let n = 1; ; n++) {
    const file = join(dir, `${base}${n === 1 ? '' : `-${n}`}.md`);
    try {
      await writeFile(file, content, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
