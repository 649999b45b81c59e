/**
 * The metadata of a web page: headline, publisher (site name), published date, canonical URL
 * and author, read from JSON-LD first, then OpenGraph and `article:` properties, then other
 * `<meta>` tags, `<link rel="canonical">`, `<time datetime>` and `<title>`.
 */
import { isIsoDate } from '../front-matter.ts';
import { collapseSpace } from './html-paragraphs.ts';

/** Fields found on a page; each names where it came from. */
export interface PageMetadata {
  title?: Found;
  publisher?: Found;
  date?: Found;
  url?: Found;
  author?: Found;
}

/** One metadata value and its origin, e.g. `{ value: '2025-05-09', from: 'JSON-LD datePublished' }`. */
export interface Found {
  value: string;
  from: string;
}

/** The parts of a DOM document this module reads (linkedom's document has them). */
export interface MetadataDocument {
  querySelectorAll(selector: string): ArrayLike<{
    getAttribute(name: string): string | null;
    textContent: string | null;
  }>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Article types of schema.org that name a story. */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|PressRelease|NewsRelease)$/;

/** The JSON-LD objects of a page, `@graph` arrays flattened. */
function jsonLdObjects(document: MetadataDocument): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      out.push(value);
      if (value['@graph']) visit(value['@graph']);
    }
  };
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    try {
      visit(JSON.parse(script.textContent ?? '') as Json);
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources still apply.
    }
  }
  return out;
}

function typesOf(object: Record<string, Json>): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** A JSON-LD name: a string, or an object's `name`, or the first of an array. */
function nameOf(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return collapseSpace(value) || undefined;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return nameOf(value.name);
  return undefined;
}

/**
 * The calendar date of a date or date-time string as the page wrote it (`2025-05-09T08:30-07:00`
 * is May 9, the day in the publisher's time zone), or `undefined` when it is not one.
 */
function calendarDate(value: string): string | undefined {
  const match = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value);
  return match?.[1] && isIsoDate(match[1]) ? match[1] : undefined;
}

/** The `content` of the first `<meta>` with one of `names` (as `name` or `property`). */
function meta(document: MetadataDocument, names: readonly string[]): Found | undefined {
  for (const name of names) {
    for (const attribute of ['property', 'name', 'itemprop']) {
      const element = document.querySelectorAll(`meta[${attribute}="${name}"]`)[0];
      const value = collapseSpace(element?.getAttribute('content') ?? '');
      if (value !== '') return { value, from: `<meta ${attribute}="${name}">` };
    }
  }
  return undefined;
}

/**
 * A `<title>` without the site name that pages append: "Headline | Site", "Headline - Site",
 * "Headline | Section | Site". The last segment goes when it is the publisher or a few words.
 */
function stripSiteName(title: string, publisher?: string): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  while (parts.length > 1) {
    const last = parts[parts.length - 1] as string;
    if (last !== publisher && last.split(/\s+/).length > 4) break;
    parts.pop();
  }
  return parts.join(' | ');
}

function firstFound(...candidates: (Found | undefined)[]): Found | undefined {
  return candidates.find((c) => c !== undefined && c.value !== '');
}

function asDate(found: Found | undefined): Found | undefined {
  const value = found && calendarDate(found.value);
  return value && found ? { value, from: found.from } : undefined;
}

/**
 * Reads a page's metadata. Values are whitespace-collapsed; dates are ISO calendar dates.
 *
 * @example
 * readPageMetadata(parseHTML(html).document).date; // { value: '2025-05-09', from: 'JSON-LD datePublished' }
 */
export function readPageMetadata(document: MetadataDocument): PageMetadata {
  const objects = jsonLdObjects(document);
  const article = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t)));
  const website = objects.find((o) => typesOf(o).includes('WebSite'));
  const ld = (value: string | undefined, field: string): Found | undefined =>
    value ? { value, from: `JSON-LD ${field}` } : undefined;
  const ldUrl = (value: Json | undefined): string | undefined =>
    typeof value === 'string'
      ? value
      : value && typeof value === 'object' && !Array.isArray(value)
        ? (ldUrl(value['@id']) ?? ldUrl(value.url))
        : undefined;

  const canonical = document.querySelectorAll('link[rel="canonical"]')[0]?.getAttribute('href');
  const titleTag = collapseSpace(document.querySelectorAll('title')[0]?.textContent ?? '');
  const time = document.querySelectorAll('time[datetime]')[0]?.getAttribute('datetime');

  const metadata: PageMetadata = {};
  const title = firstFound(
    ld(nameOf(article?.headline), 'headline'),
    meta(document, ['og:title', 'twitter:title']),
    titleTag ? { value: titleTag, from: '<title>' } : undefined,
  );
  const publisher = firstFound(
    ld(nameOf(article?.publisher), 'publisher'),
    meta(document, ['og:site_name', 'application-name']),
    ld(nameOf(website?.name), 'WebSite name'),
  );
  const date = firstFound(
    asDate(
      ld(typeof article?.datePublished === 'string' ? article.datePublished : '', 'datePublished'),
    ),
    asDate(
      meta(document, [
        'article:published_time',
        'datePublished',
        'parsely-pub-date',
        'sailthru.date',
        'pubdate',
        'publish-date',
        'dc.date',
        'DC.date.issued',
        'date',
      ]),
    ),
    asDate(time ? { value: time, from: '<time datetime>' } : undefined),
  );
  const url = firstFound(
    canonical ? { value: canonical, from: '<link rel="canonical">' } : undefined,
    meta(document, ['og:url']),
    ld(ldUrl(article?.mainEntityOfPage) ?? ldUrl(article?.url), 'url'),
  );
  const author = firstFound(
    ld(nameOf(article?.author), 'author'),
    meta(document, ['author', 'article:author', 'parsely-author', 'sailthru.author']),
  );
  if (title?.from === '<title>') title.value = stripSiteName(title.value, publisher?.value);
  if (title) metadata.title = title;
  if (publisher) metadata.publisher = publisher;
  if (date) metadata.date = date;
  if (url && /^https?:\/\//i.test(url.value)) metadata.url = url;
  if (author && !/^https?:\/\//i.test(author.value)) metadata.author = author;
  return metadata;
}
