import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StrikebotError } from '../../../src/core/errors.ts';
import { addArticle } from '../../../src/knowledge/add/add-article.ts';
import { inspectKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import { defaultFetchPageOptions } from '../../../src/knowledge/page/fetch-page.ts';
import { PAGES, type PageServer, startPageServer } from './page-server.ts';

const NOW = () => new Date('2026-01-15T12:00:00Z');
const RIVERSIDE = '/news/2025/05/09/kaiser-therapists-riverside-strike/';

let server: PageServer;
let dir: string;

beforeAll(async () => {
  server = await startPageServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strikebot-add-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const RIVERSIDE_FILE = `---
title: Kaiser therapists in Riverside County join strike as talks stall
publisher: Inland Coast Ledger
date: 2025-05-09
url: https://www.inlandcoastledger.example/news/2025/05/09/kaiser-therapists-riverside-strike/
author: Renata Oduya
added: 2026-01-15
---
RIVERSIDE — About 300 Kaiser Permanente mental health workers in Riverside County walked off the job Friday morning, joining an open-ended strike that began in Los Angeles and San Diego earlier in the week.

Picketers gathered at 6 a.m. outside the Riverside Medical Center on Magnolia Avenue, carrying signs that read “Patients over profits” and “Therapy can’t wait.”

“We did not want to be out here,” said Dolores Fuentes, a marriage and family therapist who has worked for Kaiser for 11 years. “But I have patients who wait eight weeks between appointments, and that is not therapy.”

The union representing the workers says Kaiser has refused to agree to more time for tasks such as returning patient calls and writing treatment plans. Kaiser says its latest offer includes a 21.5% raise over four years.

In a statement, Kaiser said it had arranged for licensed clinicians from its wider network to see patients during the strike and that urgent appointments would not be canceled.

Bargaining between the two sides last met on Tuesday. No new sessions had been scheduled as of Friday afternoon, according to both the union and the company.

Riverside County supervisor Alan Whitfield said he had written to Kaiser’s regional president asking the company to return to the table.

“Every week this goes on, people who need help are left waiting,” Whitfield said.

What patients should know

Kaiser members who cannot get an appointment can call the state’s Department of Managed Health Care Help Center at 1-888-466-2219.

  • Urgent mental health appointments are being scheduled by a central team.
  • Group therapy sessions at the Riverside clinic are postponed until further notice.

The union said the strike would continue until an agreement is reached.
`;

const RIVERSIDE_NAME = '2025-05-09-kaiser-therapists-in-riverside-county-join-strike-as-talks.md';

/** The refusal `promise` ends with, as code and message. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StrikebotError);
  const { code, message } = error as StrikebotError;
  return { code, message };
}

describe('addArticle from a web address', () => {
  it('writes the article of a served news page with its metadata, verbatim, paragraph by paragraph', async () => {
    const added = await addArticle(server.url(RIVERSIDE), { dir, now: NOW });
    expect(added.file).toBe(join(dir, RIVERSIDE_NAME));
    expect(await readFile(added.file, 'utf8')).toBe(RIVERSIDE_FILE);
    expect(added.found).toEqual([
      {
        field: 'title',
        value: 'Kaiser therapists in Riverside County join strike as talks stall',
        from: 'JSON-LD headline',
      },
      { field: 'publisher', value: 'Inland Coast Ledger', from: 'JSON-LD publisher' },
      { field: 'date', value: '2025-05-09', from: 'JSON-LD datePublished' },
      {
        field: 'url',
        value:
          'https://www.inlandcoastledger.example/news/2025/05/09/kaiser-therapists-riverside-strike/',
        from: '<link rel="canonical">',
      },
      { field: 'author', value: 'Renata Oduya', from: 'JSON-LD author' },
    ]);
    expect(added.dropped.map(({ rule, text }) => [rule, text])).toEqual([
      ['see-also', 'Related: Kaiser mental health workers strike in Los Angeles'],
    ]);
  });

  it('leaves nothing for the loader to drop in the file it wrote', async () => {
    await addArticle(server.url(RIVERSIDE), { dir, now: NOW });
    const [report] = await inspectKnowledge(dir);
    expect(report?.lines.filter((line) => line.dropped)).toEqual([]);
    expect(report?.document.publisher).toBe('Inland Coast Ledger');
    expect(report?.document.date).toBe('2025-05-09');
  });

  it('follows a redirect to the article', async () => {
    const added = await addArticle(server.url('/short-link'), { dir, now: NOW });
    expect(await readFile(added.file, 'utf8')).toBe(RIVERSIDE_FILE);
  });

  it('drops the advertisement and newsletter box that the extractor leaves inside the story', async () => {
    const added = await addArticle(server.url('/a/ca-regulator-kaiser-review-2025'), {
      dir,
      now: NOW,
    });
    expect(added.file).toBe(
      join(dir, '2025-05-16-california-regulator-opens-review-of-kaiser-mental-health.md'),
    );
    expect(added.dropped.map(({ rule, text }) => [rule, text])).toEqual([
      [
        'newsletter-prompt',
        'Get the Morning Wire newsletter: the day’s top stories in your inbox by 6 a.m. Sign up',
      ],
      ['byline', 'Reporting by Associated Wire staff in Sacramento; editing by Lena Haddad.'],
    ]);
    expect(await readFile(added.file, 'utf8')).toBe(`---
title: California regulator opens review of Kaiser mental health access during strike
publisher: Daily Wire Digest
date: 2025-05-16
url: https://dailywiredigest.example/a/ca-regulator-kaiser-review-2025
author: Associated Wire Staff
added: 2026-01-15
---
SACRAMENTO, Calif. (AW) — California’s managed care regulator said Friday it has opened a review of whether Kaiser Permanente members in Southern California can get timely mental health appointments during a strike by about 2,400 therapists.

The Department of Managed Health Care said it had received 212 complaints from Kaiser members since the strike began May 5, most of them about canceled or delayed therapy sessions.

Kaiser said it was cooperating with the review and that patients with urgent needs were being seen within 24 hours.

“We take our obligations to our members seriously,” the company said in a statement.

The National Union of Healthcare Workers, which represents the strikers, welcomed the review.

The regulator fined Kaiser $50 million in 2023 over delays in mental health care, the largest fine in its history.
`);
  });
});

describe('addArticle from files', () => {
  it('writes a saved HTML page with the metadata of its <meta> tags', async () => {
    const added = await addArticle(join(PAGES, 'hospital-statement.html'), { dir, now: NOW });
    expect(added.file).toBe(
      join(dir, '2025-05-28-statement-on-the-end-of-the-mental-health-strike-in-southern.md'),
    );
    expect(await readFile(added.file, 'utf8')).toBe(`---
title: Statement on the end of the mental health strike in Southern California
publisher: Kaiser Permanente Newsroom
date: 2025-05-28
url: https://newsroom.example-health.org/statements/end-of-mental-health-strike
author: Kaiser Permanente Southern California
added: 2026-01-15
---
We are glad that our mental health professionals in Southern California have ratified a new four-year agreement and are back caring for our members.

Throughout the strike, more than 90% of scheduled mental health appointments went ahead, and every member with an urgent need was seen by a licensed clinician.

The new agreement raises wages by 23.5% over four years and adds time each week for therapists to follow up with patients, while protecting access to care.

We thank the clinicians who continued to care for patients during the strike, and we look forward to working together to expand mental health services in the region.

— Dr. Harriet Osei, senior vice president, Southern California Permanente Medical Group

About Kaiser Permanente

Kaiser Permanente is one of the nation’s leading not-for-profit health plans, serving 12.6 million members in eight states and the District of Columbia.
`);
  });

  it('writes a pasted page with front matter derived from its text and its clutter removed', async () => {
    const added = await addArticle(join(PAGES, 'pasted-tv-item.txt'), { dir, now: NOW });
    expect(added.file).toBe(
      join(dir, '2025-06-03-therapists-return-to-kaiser-clinics-after-ratifying-contract.md'),
    );
    expect(await readFile(added.file, 'utf8')).toBe(`---
title: Therapists return to Kaiser clinics after ratifying contract
date: 2025-06-03
date_source: derived
publisher: KSBT
publisher_source: derived
added: 2026-01-15
---
FONTANA, Calif. (KSBT) — Kaiser Permanente mental health workers in Southern California returned to their clinics Tuesday after ratifying a four-year contract by a vote of 1,842 to 96.

The contract raises pay by 23.5% over four years and adds an hour a week for patient care duties.

“We went back in with our heads high,” said Marisol Ortega, a clinical social worker in Fontana.

Kaiser said all canceled appointments would be rescheduled by the end of June.
`);
    expect(added.dropped.map(({ rule }) => rule)).toEqual([
      'navigation',
      'page-header',
      'page-header',
      'page-header',
      'navigation',
      'headline',
      'headline',
      'byline',
      'time-stamp',
      'share-bar',
      'share-bar',
      'caption-credit',
      'related-video',
      'copyright-footer',
      'widget-heading',
      'story-list',
    ]);
  });

  it('names an undated article by the day it was added', async () => {
    const paste = join(dir, '..', `undated-${Date.now()}.txt`);
    await writeFile(
      paste,
      'Clinicians rally in Oakland\n\nAbout 300 clinicians rallied outside the Oakland Medical Center to demand more staff for the mental health department.\n',
    );
    try {
      const added = await addArticle(paste, { dir, now: NOW });
      expect(added.file).toBe(join(dir, '2026-01-15-clinicians-rally-in-oakland.md'));
    } finally {
      await rm(paste);
    }
  });
});

describe('addArticle refuses', () => {
  it('a page that is not HTML, and a file that is neither a page nor a paste', async () => {
    expect(await refusal(addArticle(server.url('/report.pdf'), { dir }))).toEqual({
      code: 'SOURCE_NOT_HTML',
      message: `${server.url('/report.pdf')}: not an HTML page (Content-Type application/pdf); only web pages, saved .html files and .txt pastes can be added`,
    });
    const fake = join(dir, '..', `fake-${Date.now()}.html`);
    await writeFile(fake, '%PDF-1.7 binary\u0000stuff');
    try {
      expect((await refusal(addArticle(fake, { dir }))).code).toBe('SOURCE_NOT_HTML');
    } finally {
      await rm(fake);
    }
    expect(await refusal(addArticle('report.pdf', { dir }))).toEqual({
      code: 'SOURCE_NOT_HTML',
      message:
        'report.pdf: not a web address, an .html page or a .txt paste; save the article as one of those',
    });
  });

  it('a page with no article', async () => {
    expect(await refusal(addArticle(server.url('/health/'), { dir }))).toEqual({
      code: 'SOURCE_NO_ARTICLE',
      message: `${server.url('/health/')}: no article found (no paragraph of running text once page clutter is removed); if it is a list or index page, open the article itself`,
    });
  });

  it('an HTTP error and a server that is not there', async () => {
    expect(await refusal(addArticle(server.url('/gone'), { dir }))).toEqual({
      code: 'SOURCE_FETCH_FAILED',
      message: `${server.url('/gone')}: the server answered 404 Not Found; check the address, or save the page as HTML and add the file`,
    });
    const closed = await startPageServer();
    const address = closed.url('/story');
    await closed.close();
    expect(await refusal(addArticle(address, { dir }))).toEqual({
      code: 'SOURCE_FETCH_FAILED',
      message: `${address}: could not be fetched (ECONNREFUSED); check the address and the network`,
    });
  });

  it('a page that does not arrive within the time limit (10 s by default)', async () => {
    expect(defaultFetchPageOptions.timeoutMs).toBe(10_000);
    expect(
      await refusal(addArticle(server.url('/slow'), { dir, fetch: { timeoutMs: 300 } })),
    ).toEqual({
      code: 'SOURCE_TIMEOUT',
      message: `${server.url('/slow')}: no complete answer within 0.3 s; try again later, or save the page as HTML and add the file`,
    });
  });

  it('a redirect loop', async () => {
    expect(await refusal(addArticle(server.url('/loop-a'), { dir }))).toEqual({
      code: 'SOURCE_REDIRECT_LOOP',
      message: `${server.url('/loop-a')}: the redirects go round in a loop (${server.url('/loop-a')} -> ${server.url('/loop-b')} -> ${server.url('/loop-a')}); open the page in a browser, save it as HTML and add the file`,
    });
  });

  it('pages and files over 5 MB, whether or not the server says their length', async () => {
    expect(defaultFetchPageOptions.maxBytes).toBe(5 * 1024 * 1024);
    expect(await refusal(addArticle(server.url('/huge'), { dir }))).toEqual({
      code: 'SOURCE_TOO_LARGE',
      message: `${server.url('/huge')}: the page is 6.0 MB, over the 5.0 MB limit; save the article text to a .txt file and add that instead`,
    });
    expect(await refusal(addArticle(server.url('/huge-chunked'), { dir }))).toEqual({
      code: 'SOURCE_TOO_LARGE',
      message: `${server.url('/huge-chunked')}: the page is more than 5.0 MB, over the 5.0 MB limit; save the article text to a .txt file and add that instead`,
    });
    const big = join(dir, '..', `big-${Date.now()}.txt`);
    await writeFile(big, 'x'.repeat(5 * 1024 * 1024 + 1));
    try {
      expect((await refusal(addArticle(big, { dir }))).code).toBe('SOURCE_TOO_LARGE');
    } finally {
      await rm(big);
    }
  });

  it('a URL already in the folder, by the address asked for or the one the page gives', async () => {
    await addArticle(server.url(RIVERSIDE), { dir, now: NOW });
    const file = join(dir, RIVERSIDE_NAME);
    expect(await refusal(addArticle(server.url('/short-link'), { dir, now: NOW }))).toEqual({
      code: 'SOURCE_DUPLICATE',
      message: `https://www.inlandcoastledger.example/news/2025/05/09/kaiser-therapists-riverside-strike/: already in the knowledge folder as ${file}; edit that file instead`,
    });
    expect(
      await refusal(
        addArticle(
          'https://inlandcoastledger.example/news/2025/05/09/kaiser-therapists-riverside-strike?utm_source=x',
          { dir, now: NOW },
        ),
      ),
    ).toEqual({
      code: 'SOURCE_DUPLICATE',
      message: `https://inlandcoastledger.example/news/2025/05/09/kaiser-therapists-riverside-strike?utm_source=x: already in the knowledge folder as ${file}; edit that file instead`,
    });
    expect(await readdir(dir)).toEqual([RIVERSIDE_NAME]);
  });

  it('text already in the folder, naming the file that has it', async () => {
    await addArticle(join(PAGES, 'pasted-tv-item.txt'), { dir, now: NOW });
    const again = join(dir, '..', `again-${Date.now()}.txt`);
    const original = await readFile(join(PAGES, 'pasted-tv-item.txt'), 'utf8');
    await writeFile(again, original.replace('Skip to main content\n', ''));
    try {
      expect(await refusal(addArticle(again, { dir, now: NOW }))).toEqual({
        code: 'SOURCE_DUPLICATE',
        message: `${again}: its text is already in the knowledge folder as ${join(dir, '2025-06-03-therapists-return-to-kaiser-clinics-after-ratifying-contract.md')} (4 of 4 paragraphs); edit that file instead`,
      });
    } finally {
      await rm(again);
    }
  });
});
