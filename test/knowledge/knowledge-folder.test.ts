import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectKnowledge, loadKnowledge } from '../../src/knowledge/load-knowledge.ts';

const KNOWLEDGE = join(import.meta.dirname, '..', '..', 'knowledge');

describe('the knowledge folder', () => {
  it('loads the five documents with their front matter', async () => {
    const documents = await loadKnowledge(KNOWLEDGE);
    expect(documents.map(({ body: _body, ...fields }) => fields)).toEqual([
      {
        id: '2018-12-09-kaiser-mental-health-workers-five-day-strike',
        title: 'Kaiser Permanente mental healthcare workers to strike for five days',
        date: '2018-12-09',
        kind: 'news',
      },
      {
        id: 'kaiser-mental-health-workers-strike-across-socal',
        title: 'Kaiser mental health workers strike across SoCal',
        kind: 'news',
      },
      {
        id: 'nuhw-press-release-return-to-picket-lines-after-unproductive-bargaining',
        title:
          'Kaiser Mental Health Care Strike: After unproductive bargaining session, Kaiser mental health professionals return to picket lines',
        publisher: 'National Union of Healthcare Workers (NUHW)',
        kind: 'press-release',
      },
      {
        id: 'sacramento-bee-4000-kaiser-clinicians-call-off-open-ended-strike',
        title:
          '4,000 Kaiser mental health clinicians call off open-ended strike set to start Tuesday',
        publisher: 'The Sacramento Bee',
        kind: 'news',
      },
      {
        id: 'thousands-of-kaiser-mental-health-workers-strike-across-southern-california',
        title:
          'Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
        kind: 'news',
      },
    ]);
  });

  it('removes the page clutter', async () => {
    const bodies = (await loadKnowledge(KNOWLEDGE)).map((d) => d.body).join('\n\n');
    for (const clutter of [
      'YOU MIGHT ALSO LIKE',
      'TRENDING ARTICLES',
      'See also',
      'Advertisement',
      'Hardship Fund',
      'Please enter your',
      'HomeTop Stories',
      'particlenews',
      'AP Photo',
      'Most Popular',
      'Recent Comments',
      'Story continues',
      'See all 10 stories',
      'covers health care for The Bee',
      '# # #',
      'Change-makers',
      'Join our team',
      'Health & Medicine',
      'Press release:',
    ]) {
      expect(bodies, clutter).not.toContain(clutter);
    }
  });

  it('keeps the facts, bullets and headings verbatim', async () => {
    const bodies = (await loadKnowledge(KNOWLEDGE)).map((d) => d.body).join('\n\n');
    for (const content of [
      'Nearly 2,400 mental health workers at Kaiser Permanente facilities are on strike Thursday',
      'The National Union of Healthcare Workers is a member-led movement that represents 19,000 healthcare workers in California and Hawaii, including more than 4,700 Kaiser mental health professionals.',
      'contact the DMHC Help Center at 1-888-466-2219 or online at www.DMHC.ca.gov.',
      '  • Bakersfield Kaiser Mental Health Offices, 4900 California Ave., Bakersfield\n  • San Diego Medical Center, 9455 Clairemont Mesa Blvd.\n  • Fontana Medical Center, 9961 Sierra Ave., Fontana\n  • Anaheim Medical Center, 3440 East La Palma Ave., Anaheim\n  • West Los Angeles Medical Center, 6041 Cadillac Ave., Los Angeles',
      '\nNo Progress in Bargaining\n',
      '\nThursday, Oct. 24 Picket Line Locations\n',
      '\nWhat You Need To Know\n',
      'Thousands of mental healthcare workers will go on strike against Kaiser Permanente for five days',
      'The union has said that any new labor contract must improve patient access to mental health care',
    ]) {
      expect(bodies, content).toContain(content);
    }
  });

  it('builds every body from whole lines of its file, in file order', async () => {
    for (const report of await inspectKnowledge(KNOWLEDGE)) {
      const fileLines = (await readFile(report.file, 'utf8')).split('\n');
      for (const { line, text } of report.lines) expect(fileLines[line - 1]).toBe(text);
      const kept = report.lines
        .filter((l) => !l.dropped && l.text.trim() !== '')
        .map((l) => l.text);
      expect(report.document.body.split('\n').filter((l) => l !== '')).toEqual(kept);
    }
  });

  it('drops exactly these lines, by these rules', async () => {
    const drops = (await inspectKnowledge(KNOWLEDGE)).flatMap((report) =>
      report.lines
        .filter((l) => l.dropped)
        .map((l) => `${report.document.id.slice(0, 12)}:${l.line} ${l.dropped?.rule}`),
    );
    expect(drops).toEqual([
      'kaiser-menta:8 headline',
      'kaiser-menta:10 bare-url',
      'kaiser-menta:11 photo-credit',
      'kaiser-menta:34 continuation-marker',
      'kaiser-menta:36 widget-heading',
      'kaiser-menta:38 widget-heading',
      'nuhw-press-r:14 link-button',
      'nuhw-press-r:16 headline',
      'nuhw-press-r:48 end-mark',
      'nuhw-press-r:52 more-from',
      'nuhw-press-r:54 site-footer',
      'nuhw-press-r:56 site-footer',
      'nuhw-press-r:57 site-footer',
      'sacramento-b:12 page-header',
      'sacramento-b:14 headline',
      'sacramento-b:45 story-list-link',
      'sacramento-b:47 story-list-link',
      'sacramento-b:48 story-list-link',
      'sacramento-b:50 author-bio',
      'thousands-of:8 breadcrumb',
      'thousands-of:10 headline',
      'thousands-of:24 see-also',
      'thousands-of:34 see-also',
      'thousands-of:46 see-also',
      'thousands-of:54 advertisement',
      'thousands-of:55 widget-heading',
      'thousands-of:57 comment-form',
      'thousands-of:59 comment-form',
      'thousands-of:60 comment-form',
      'thousands-of:62 widget-heading',
      'thousands-of:64 widget-heading',
    ]);
  });
});
