import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/run-cli.ts';
import { PAGES, type PageServer, startPageServer } from '../knowledge/add/page-server.ts';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'add.ts');

let server: PageServer;
let dir: string;

beforeAll(async () => {
  server = await startPageServer();
  dir = await mkdtemp(join(tmpdir(), 'strikebot-add-cli-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `npm run add -- ...args` as a user would, against the test knowledge folder. */
function add(...args: string[]) {
  return runCli(CLI, args, { KNOWLEDGE_DIR: dir });
}

// Each case starts Node with tsx, which takes seconds on a busy 2-core machine.
describe('npm run add', { timeout: 60_000 }, () => {
  it('prints the file written, the fields found, the paragraphs kept and the lines dropped', async () => {
    const page = join(PAGES, 'union-release.html');
    const { code, stdout, stderr } = await add(page);
    expect({ code, stderr }).toEqual({ code: 0, stderr: `reading ${page} ...\n` });
    expect(stdout).toBe(
      [
        `wrote ${join(dir, '2025-05-14-kaiser-mental-health-workers-set-strike-vote-for-june-2.md')}`,
        'fields:',
        '  title      Kaiser mental health workers set strike vote for June 2  (<meta property="og:title">)',
        '  publisher  Coastal Health Workers Union  (<meta property="og:site_name">)',
        '  date       2025-05-14  (<meta property="article:published_time">)',
        '  url        https://coastalhealthworkers.example/press/2025/05/14/strike-vote-june-2  (<meta property="og:url">)',
        '  not found: author',
        'kept 11 paragraphs of article text',
        'dropped 5 lines as clutter:',
        '  [press-office] Press release',
        '  [boilerplate] May 14, 2025',
        '  [press-office] FOR IMMEDIATE RELEASE',
        '  [press-office] Media contact: Priya Natarajan, 510-555-0143, pnatarajan@coastalhealthworkers.example',
        '  [end-mark] # # #',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['/gone', 3, 'the server answered 404 Not Found'],
    ['/loop-a', 5, 'the redirects go round in a loop'],
    ['/huge', 6, 'the page is 6.0 MB, over the 5.0 MB limit'],
    ['/report.pdf', 7, 'not an HTML page (Content-Type application/pdf)'],
    ['/health/', 8, 'no article found'],
  ])('refuses %s with exit code %i and a one-line message', async (path, exit, words) => {
    const { code, stdout, stderr } = await add(server.url(path));
    expect({ code, stdout }).toEqual({ code: exit, stdout: '' });
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`fetching ${server.url(path)} ...`);
    expect(lines[1]).toContain(`add: ${server.url(path)}: ${words}`);
  });

  it('refuses a page that is already in the folder with exit code 9, naming the file', async () => {
    const page = join(PAGES, 'union-release.html');
    const { code, stderr } = await add(page);
    expect(code).toBe(9);
    expect(stderr.trimEnd().split('\n')[1]).toBe(
      `add: https://coastalhealthworkers.example/press/2025/05/14/strike-vote-june-2: already in the knowledge folder as ${join(dir, '2025-05-14-kaiser-mental-health-workers-set-strike-vote-for-june-2.md')}; edit that file instead`,
    );
  });

  it('gives up on a page that sends nothing for 10 s with exit code 4', async () => {
    const started = Date.now();
    const { code, stderr } = await add(server.url('/slow'));
    expect(code).toBe(4);
    expect(stderr.trimEnd().split('\n')[1]).toBe(
      `add: ${server.url('/slow')}: no complete answer within 10 s; try again later, or save the page as HTML and add the file`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
  });

  it('prints the usage and exits 2 without a source, or with an unknown flag', async () => {
    const usage = 'usage: npm run add -- <https://address | saved-page.html | pasted.txt>\n';
    expect(await add()).toEqual({ code: 2, stdout: '', stderr: usage });
    const flagged = await add('--jsn', join(PAGES, 'tv-station.html'));
    expect(flagged.code).toBe(2);
    expect(flagged.stderr).toBe(
      `Unknown option '--jsn'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--jsn"\n${usage}`,
    );
    expect((await readdir(dir)).filter((name) => name.includes('tentative-deal'))).toEqual([]);
  });
});
