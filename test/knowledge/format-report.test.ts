import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatKnowledgeReport } from '../../src/knowledge/format-report.ts';
import { inspectKnowledge } from '../../src/knowledge/load-knowledge.ts';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'knowledge-check.ts');
const run = promisify(execFile);

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikebot-check-'));
  await writeFile(
    join(dir, 'a.md'),
    [
      '---',
      'title: Strike ends',
      'publisher: Example News',
      'date: 2024-10-20',
      'author: Jane Doe',
      '---',
      'Strike ends',
      '',
      'Workers returned on Friday.',
      '',
      '  • Talks resume Monday',
      'Most Popular',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'b.txt'),
    'Picket lines\nThe union picketed.\n\nSee also: Weather today',
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const EXPECTED = (file: (name: string) => string) =>
  [
    '== a ==',
    `file:      ${file('a.md')}`,
    'title:     Strike ends',
    'publisher: Example News',
    'date:      2024-10-20',
    'url:       (not given)',
    'author:    Jane Doe',
    'lines:     2 kept, 2 dropped',
    '  -    7  [headline] Strike ends',
    '  +    9  Workers returned on Friday.',
    '  +   11    • Talks resume Monday',
    '  -   12  [widget-heading] Most Popular',
    '',
    '== b ==',
    `file:      ${file('b.txt')}`,
    'title:     Picket lines',
    'publisher: (not given)',
    'date:      (not given)',
    'url:       (not given)',
    'lines:     1 kept, 2 dropped',
    '  -    1  [headline] Picket lines',
    '  +    2  The union picketed.',
    '  -    4  [see-also] See also: Weather today',
    '',
    '2 documents, 4 lines dropped as clutter',
    '  headline (2): repeats the title, which is already in the front matter',
    '  see-also (1): a "See also"/"Read more" link to another story',
    '  widget-heading (1): the heading of a recommendation, trending or comments widget',
  ].join('\n');

describe('formatKnowledgeReport', () => {
  it('lists fields, kept and dropped lines with their rule, and drops per rule', async () => {
    expect(formatKnowledgeReport(await inspectKnowledge(dir))).toBe(
      EXPECTED((name) => join(dir, name)),
    );
  });
});

// Each case starts a Node process with tsx, which takes seconds on a busy machine.
describe('knowledge:check', { timeout: 30_000 }, () => {
  it('prints the report for the folder it is given', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, dir]);
    expect(stdout).toBe(`${EXPECTED((name) => join(dir, name))}\n`);
  });

  it('exits 1 with the error message and no stack on a malformed file', async () => {
    await writeFile(join(dir, 'c.md'), '---\ntitle: T\ndate: Oct 14\n---\nBody.');
    const failure = await run(process.execPath, ['--import', 'tsx', CLI, dir]).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `knowledge:check: ${join(dir, 'c.md')}:3: front matter: "date" must be an ISO date like 2024-10-14, got "Oct 14"\n`,
    });
  });
});

describe('knowledge:check --json', { timeout: 30_000 }, () => {
  it('prints only one JSON object: documents with kept and dropped lines, and refused files', async () => {
    await writeFile(join(dir, 'c.md'), '---\ntitle: T\ndate: Oct 14\n---\nBody.');
    const failure = await run(process.execPath, ['--import', 'tsx', CLI, '--json', dir]).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1, stderr: '' });
    expect(JSON.parse((failure as { stdout: string }).stdout)).toEqual({
      documents: [
        {
          file: join(dir, 'a.md'),
          id: 'a',
          title: 'Strike ends',
          publisher: 'Example News',
          date: '2024-10-20',
          kept: [
            { line: 9, text: 'Workers returned on Friday.' },
            { line: 11, text: '  • Talks resume Monday' },
          ],
          dropped: [
            { line: 7, text: 'Strike ends', rule: 'headline' },
            { line: 12, text: 'Most Popular', rule: 'widget-heading' },
          ],
        },
        {
          file: join(dir, 'b.txt'),
          id: 'b',
          title: 'Picket lines',
          publisher: null,
          date: null,
          kept: [{ line: 2, text: 'The union picketed.' }],
          dropped: [
            { line: 1, text: 'Picket lines', rule: 'headline' },
            { line: 4, text: 'See also: Weather today', rule: 'see-also' },
          ],
        },
      ],
      refused: [
        {
          file: join(dir, 'c.md'),
          error: `${join(dir, 'c.md')}:3: front matter: "date" must be an ISO date like 2024-10-14, got "Oct 14"`,
        },
      ],
    });
  });

  it('explains each line the line classifier dropped', async () => {
    await writeFile(
      join(dir, 'd.txt'),
      [
        'Nurses rally at county hospital',
        '',
        'About 200 nurses rallied outside the county hospital on Monday to demand more staff on every shift.',
        '',
        'The hospital said it had hired 85 nurses this year and would keep bargaining with the union.',
        '',
        'Ad Content',
        'Fog advisory issued for Highway 99 through Wednesday morning',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, dir]);
    expect(stdout).toContain(
      '  -    8  [boilerplate] Fog advisory issued for Highway 99 through Wednesday morning  (p=',
    );
    expect(stdout).toMatch(
      /\[boilerplate\] Fog advisory .* \(p=0\.\d\d: below the last paragraph of text/,
    );
    expect(stdout).toContain(
      '  boilerplate (2): lines the line classifier scored as page clutter from their length, function words, punctuation, capitals, link marks, position and neighbours',
    );
  });
});
