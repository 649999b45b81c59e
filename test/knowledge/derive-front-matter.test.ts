import { describe, expect, it } from 'vitest';
import { CLUTTER_RULES } from '../../src/knowledge/clutter-rules.ts';
import {
  deriveFrontMatter,
  findDate,
  publisherFromCopyright,
} from '../../src/knowledge/derive-front-matter.ts';

describe('findDate', () => {
  it.each([
    ['Published May 9, 2025', '2025-05-09'],
    ['Updated 3:41 PM PST Dec. 16, 2019', '2019-12-16'],
    ['Published 7:05 a.m. PT Nov. 18, 2021 | Updated 9:22 a.m. PT Nov. 19, 2021', '2021-11-18'],
    ['Posted on April 8, 2024 by CNG Communications', '2024-04-08'],
    ['Sept. 30, 2023', '2023-09-30'],
    ['9 May 2025', '2025-05-09'],
    ['2025-05-09T08:30:00-07:00', '2025-05-09'],
  ])('reads %j as %s', (text, iso) => {
    expect(findDate(text)).toBe(iso);
  });

  it.each([
    'Thursday, Oct. 24',
    'Feb. 30, 2024',
    'MINNEAPOLIS, Aug 23 (Reuters)',
    'May the union win',
  ])('finds no full date in %j', (text) => {
    expect(findDate(text)).toBeUndefined();
  });
});

describe('publisherFromCopyright', () => {
  it.each([
    ['© 2025 Inland Coast Ledger. All rights reserved. | Privacy Policy', 'Inland Coast Ledger'],
    ['Copyright © 2021 The Valley Sun-Times. All rights reserved.', 'The Valley Sun-Times'],
    ['© Bay Area Labor Journal 2025', 'Bay Area Labor Journal'],
    ['Copyright © 2023 The Coastline Post, a division of Coastal Media LLC', 'The Coastline Post'],
    [
      '© 2023 Harbor City Teachers Association | Privacy Policy',
      'Harbor City Teachers Association',
    ],
  ])('reads %j as %s', (line, name) => {
    expect(publisherFromCopyright(line)).toBe(name);
  });

  it('reads nothing from a sentence', () => {
    expect(publisherFromCopyright('The union said copyright was not at issue.')).toBeUndefined();
  });
});

describe('deriveFrontMatter', () => {
  it('takes the repeated headline, the dateline and the copyright line', () => {
    const lines = [
      'Skip to content',
      'Inland Coast Ledger',
      'Kaiser therapists join strike',
      '',
      'Kaiser therapists join strike',
      'By Renata Oduya, Staff Writer',
      'Published May 9, 2025 | Updated 10:12 AM PDT',
      '',
      'About 300 Kaiser Permanente mental health workers walked off the job on Friday morning.',
      '',
      '© 2025 Inland Coast Ledger. All rights reserved.',
    ];
    expect(deriveFrontMatter(lines, CLUTTER_RULES)).toEqual({
      title: 'Kaiser therapists join strike',
      date: '2025-05-09',
      date_source: 'derived',
      publisher: 'Inland Coast Ledger',
      publisher_source: 'derived',
    });
  });

  it('takes the publisher from a masthead above the headline when there is no copyright line', () => {
    const lines = [
      'Menu',
      'The Metro Daily',
      'Bus drivers strike across the county',
      'Updated 3:41 PM PST Dec. 16, 2019',
      'More than 1,100 county bus drivers and mechanics walked off the job on Monday.',
    ];
    expect(deriveFrontMatter(lines, CLUTTER_RULES)).toEqual({
      title: 'Bus drivers strike across the county',
      date: '2019-12-16',
      date_source: 'derived',
      publisher: 'The Metro Daily',
      publisher_source: 'derived',
    });
  });

  it('leaves out what the text does not say', () => {
    expect(
      deriveFrontMatter(
        ['Strike ends', '', 'Workers returned to their clinics on Tuesday morning.'],
        CLUTTER_RULES,
      ),
    ).toEqual({ title: 'Strike ends' });
  });
});
