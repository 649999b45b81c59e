import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StrikebotError } from '../../src/core/errors.ts';
import { inspectKnowledge, loadKnowledge } from '../../src/knowledge/load-knowledge.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikebot-knowledge-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes fixture files into the temp folder. */
async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

/** The StrikebotError `promise` rejects with, as `code: message` (message with the temp dir as `DIR`). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof StrikebotError)) throw error;
    return `${error.code}: ${error.message.replaceAll(dir, 'DIR')}`;
  }
  throw new Error('expected a StrikebotError');
}

describe('loadKnowledge', () => {
  it('loads .md and .txt documents sorted by id, ignoring README, dotfiles and other files', async () => {
    await write({
      'b-strike.md': [
        '---',
        'title: Kaiser therapists strike',
        'publisher: Example News',
        'date: 2024-10-14',
        'url: https://example.org/strike',
        'author: Jane Doe',
        '---',
        'Kaiser therapists strike',
        '',
        'Nearly 2,400 workers walked out on Monday.',
        '',
        'Most Popular',
        '',
      ].join('\n'),
      'a-notes.txt':
        'Strike called off\r\n\r\nThe union called off the strike.\r\nTalks resume Friday.\r\n',
      'README.md': '# How to add documents',
      '.draft.md': '---\ntitle: Draft\n---\nNot loaded.',
      'image.png': 'not text',
    });
    await mkdir(join(dir, 'sub.md'));
    expect(await loadKnowledge(dir)).toEqual([
      {
        id: 'a-notes',
        title: 'Strike called off',
        body: 'The union called off the strike.\nTalks resume Friday.',
      },
      {
        id: 'b-strike',
        title: 'Kaiser therapists strike',
        publisher: 'Example News',
        date: '2024-10-14',
        url: 'https://example.org/strike',
        body: 'Nearly 2,400 workers walked out on Monday.',
      },
    ]);
  });

  it('uses the first non-empty line of a .txt file as its title and drops it from the body', async () => {
    await write({ 'x.txt': '\n\n  Strike ends  \nWorkers returned.\n' });
    expect(await loadKnowledge(dir)).toEqual([
      { id: 'x', title: 'Strike ends', body: 'Workers returned.' },
    ]);
  });

  it('keeps a body that does not repeat a front matter title whole', async () => {
    await write({
      'x.md': '---\ntitle: A derived title\ntitle_source: derived\n---\nFirst.\n\nSecond.',
    });
    expect(await loadKnowledge(dir)).toEqual([
      { id: 'x', title: 'A derived title', body: 'First.\n\nSecond.' },
    ]);
  });

  it('reports every body line with its file line number and the rule that dropped it', async () => {
    await write({ 'x.md': '---\ntitle: T\n---\nT\n\nWorkers struck.\n- Advertisement -\n' });
    const [report] = await inspectKnowledge(dir);
    expect(report?.file).toBe(join(dir, 'x.md'));
    expect(report?.metadata).toEqual({ title: 'T' });
    expect(report?.lines).toEqual([
      {
        line: 4,
        text: 'T',
        dropped: {
          rule: 'headline',
          reason: 'repeats the title, which is already in the front matter',
        },
      },
      { line: 5, text: '' },
      { line: 6, text: 'Workers struck.' },
      {
        line: 7,
        text: '- Advertisement -',
        dropped: { rule: 'advertisement', reason: 'an advertisement label' },
      },
      { line: 8, text: '' },
    ]);
  });

  it.each([
    [
      'bad YAML',
      '---\ntitle: T\ndate: [2024\n---\nBody.',
      'KNOWLEDGE_MALFORMED: DIR/x.md:3: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'a duplicate key',
      '---\ntitle: T\ntitle: U\n---\nBody.',
      'KNOWLEDGE_MALFORMED: DIR/x.md:3: front matter is not valid YAML: Map keys must be unique',
    ],
    [
      'a missing title',
      '---\npublisher: P\n---\nBody.',
      'KNOWLEDGE_MALFORMED: DIR/x.md:1: front matter: "title" is required: the headline of the document',
    ],
    [
      'a number as title',
      '---\npublisher: P\ntitle: 2024\n---\nBody.',
      'KNOWLEDGE_MALFORMED: DIR/x.md:3: front matter: "title" must be a non-empty string, got 2024',
    ],
    [
      'an empty title',
      "---\ntitle: '  '\n---\nBody.",
      'KNOWLEDGE_MALFORMED: DIR/x.md:2: front matter: "title" must be a non-empty string, got "  "',
    ],
    [
      'a date that is not ISO',
      '---\ntitle: T\npublisher: P\ndate: Oct 14\n---\nBody.',
      'KNOWLEDGE_MALFORMED: DIR/x.md:4: front matter: "date" must be an ISO date like 2024-10-14, got "Oct 14"',
    ],
    [
      'a date that does not exist',
      '---\ntitle: T\ndate: 2024-02-30\n---\nBody.',
      'KNOWLEDGE_MALFORMED: DIR/x.md:3: front matter: "date" must be an ISO date like 2024-10-14, got "2024-02-30"',
    ],
    [
      'a url that is not a URL',
      '---\ntitle: T\n\n# comment\nurl: example.org/story\n---\nBody.',
      'KNOWLEDGE_MALFORMED: DIR/x.md:5: front matter: "url" must be an http(s) URL like https://example.org/story, got "example.org/story"',
    ],
    [
      'a list instead of fields',
      '---\n- title\n---\nBody.',
      'KNOWLEDGE_MALFORMED: DIR/x.md:2: front matter must be "key: value" lines (title, publisher, date, url)',
    ],
    [
      'unterminated front matter',
      '---\ntitle: T\n\nBody text.',
      'KNOWLEDGE_MALFORMED: DIR/x.md:1: front matter opened with --- is never closed; add a line with --- after the last field',
    ],
    [
      'an empty file',
      ' \n\n',
      'KNOWLEDGE_EMPTY: DIR/x.md:1: file is empty; put the article text in it (optionally after --- front matter ---)',
    ],
    [
      'front matter and no body',
      '---\ntitle: T\n---\n\n',
      'KNOWLEDGE_EMPTY: DIR/x.md:4: no body text after the front matter; paste the article below it',
    ],
    [
      'nothing but clutter',
      '---\ntitle: T\n---\n\nT\nMost Popular\nRecent Comments',
      'KNOWLEDGE_EMPTY: DIR/x.md:5: body is empty after removing page clutter (3 lines dropped); run npm run knowledge:check to see which rules dropped them',
    ],
  ])('rejects %s, naming file and line', async (_case, text, expected) => {
    await write({ 'x.md': text });
    expect(await failure(loadKnowledge(dir))).toBe(expected);
  });

  it('rejects a file that is not UTF-8', async () => {
    await writeFile(join(dir, 'x.txt'), Buffer.from([0x54, 0xff, 0xfe, 0x0a]));
    expect(await failure(loadKnowledge(dir))).toBe(
      'KNOWLEDGE_MALFORMED: DIR/x.txt: is not UTF-8 text; save it as UTF-8 (documents are .md or .txt)',
    );
  });

  it('rejects two files with the same id', async () => {
    await write({ 'x.md': '---\ntitle: T\n---\nBody.', 'x.txt': 'T\nBody.' });
    expect(await failure(loadKnowledge(dir))).toBe(
      'KNOWLEDGE_MALFORMED: DIR/x.txt: same document id "x" as DIR/x.md; rename one of them',
    );
  });

  it('rejects a missing folder, a file instead of a folder, and a folder with no documents', async () => {
    expect(await failure(loadKnowledge(join(dir, 'missing')))).toBe(
      'KNOWLEDGE_UNREADABLE: knowledge folder DIR/missing does not exist; create it or set KNOWLEDGE_DIR to the folder of articles',
    );
    await write({ 'notes.md': 'T\nBody.', 'README.md': 'Docs' });
    expect(await failure(loadKnowledge(join(dir, 'notes.md')))).toBe(
      'KNOWLEDGE_UNREADABLE: knowledge folder DIR/notes.md is not a folder; set KNOWLEDGE_DIR to the folder of articles',
    );
    await rm(join(dir, 'notes.md'));
    expect(await failure(loadKnowledge(dir))).toBe(
      'KNOWLEDGE_EMPTY: knowledge folder DIR has no documents; add articles as .md or .txt files',
    );
  });

  it('loads only the extensions it is given', async () => {
    await write({ 'a.md': 'A\nBody a.', 'b.txt': 'B\nBody b.' });
    expect((await loadKnowledge(dir, { extensions: ['.txt'] })).map((d) => d.id)).toEqual(['b']);
  });
});

describe('loadKnowledge on a pasted page without front matter', () => {
  it('takes the first line that is not clutter as the title and drops what sits above it', async () => {
    await write({
      'pasted.txt': [
        'Support the strikers! Donate to the fund >>',
        'HomeTop StoriesKaiser therapists strike across...',
        '',
        'Kaiser therapists strike across the state',
        '',
        'Therapists walked out on Monday.',
        '',
        'See also\u00a0 Weather: rain this weekend',
        '',
        'Talks resume Friday.',
        '',
        '- Advertisement -',
        'RELATED ARTICLES',
      ].join('\n'),
    });
    const [report] = await inspectKnowledge(dir);
    expect(report?.lines.filter((l) => l.dropped).map((l) => [l.line, l.dropped?.rule])).toEqual([
      [1, 'link-button'],
      [2, 'breadcrumb'],
      [4, 'headline'],
      [8, 'see-also'],
      [12, 'advertisement'],
      [13, 'widget-heading'],
    ]);
    expect(report?.document).toEqual({
      id: 'pasted',
      title: 'Kaiser therapists strike across the state',
      body: 'Therapists walked out on Monday.\n\nTalks resume Friday.',
    });
  });
});

describe('loadKnowledge on a pasted page with a dateline and a copyright line', () => {
  it('derives the date and publisher, marks them derived, and hands them to the engine', async () => {
    await write({
      'pasted.txt': [
        'Kaiser therapists strike across the state',
        'Updated 3:41 PM PST Dec. 16, 2019',
        '',
        'Therapists walked out on Monday at clinics across the state, the union said.',
        '',
        '© 2019 Example Ledger. All rights reserved.',
      ].join('\n'),
    });
    const [report] = await inspectKnowledge(dir);
    expect(report?.metadata).toEqual({
      title: 'Kaiser therapists strike across the state',
      date: '2019-12-16',
      date_source: 'derived',
      publisher: 'Example Ledger',
      publisher_source: 'derived',
    });
    expect(report?.document).toEqual({
      id: 'pasted',
      title: 'Kaiser therapists strike across the state',
      publisher: 'Example Ledger',
      date: '2019-12-16',
      body: 'Therapists walked out on Monday at clinics across the state, the union said.',
    });
  });
});
