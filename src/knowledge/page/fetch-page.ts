/**
 * Fetches a web page for `npm run add` over real HTTP (Node's fetch), following redirects by
 * hand so that loops are caught, with a time limit on the whole download and a size cap that
 * stops reading as soon as it is passed.
 */
import { StrikebotError } from '../../core/errors.ts';

/** Options for {@link fetchPage}. */
export interface FetchPageOptions {
  /** Milliseconds for the whole download, redirects included. Default 10,000 (10 s). */
  timeoutMs: number;
  /** Largest page accepted, in bytes. Default 5 MiB (5,242,880). */
  maxBytes: number;
  /** Redirects followed before giving up. Default 10. */
  maxRedirects: number;
  /** The `fetch` to use. Default the global one (undici). */
  fetch: typeof fetch;
}

/** Defaults for {@link FetchPageOptions}. */
export const defaultFetchPageOptions: FetchPageOptions = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 10,
  fetch: (input, init) => fetch(input, init),
};

/** A downloaded page. */
export interface FetchedPage {
  /** The address asked for. */
  requestedUrl: string;
  /** The address the page was served from, after redirects. */
  finalUrl: string;
  /** The page, decoded with the charset its Content-Type names (UTF-8 when none). */
  html: string;
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/** The charset named by a Content-Type header, if any. */
function charsetOf(contentType: string): string {
  const match = /charset="?([\w.:-]+)"?/i.exec(contentType);
  return match?.[1] ?? 'utf-8';
}

/** Megabytes, one decimal, for messages. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads a response body, refusing it as soon as it passes `maxBytes`. */
async function readCapped(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, declared, maxBytes);
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return new Uint8Array();
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(url, size, maxBytes, true);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

function tooLarge(url: string, size: number, maxBytes: number, partial = false): StrikebotError {
  const got = partial ? `more than ${formatMegabytes(maxBytes)}` : formatMegabytes(size);
  return new StrikebotError(
    'SOURCE_TOO_LARGE',
    `${url}: the page is ${got}, over the ${formatMegabytes(maxBytes)} limit; save the article text to a .txt file and add that instead`,
  );
}

/**
 * Downloads an HTML page. Redirects are followed up to `maxRedirects`; a redirect back to an
 * address already visited is a loop.
 *
 * @example
 * const { html, finalUrl } = await fetchPage('https://example.org/story');
 * @throws StrikebotError SOURCE_FETCH_FAILED, SOURCE_TIMEOUT, SOURCE_REDIRECT_LOOP,
 * SOURCE_TOO_LARGE or SOURCE_NOT_HTML, each naming the address.
 */
export async function fetchPage(
  url: string,
  options: Partial<FetchPageOptions> = {},
): Promise<FetchedPage> {
  const settings = { ...defaultFetchPageOptions, ...options };
  const signal = AbortSignal.timeout(settings.timeoutMs);
  const seen = new Set<string>();
  let current = url;
  try {
    for (let hops = 0; ; hops++) {
      seen.add(current);
      const response = await settings.fetch(current, {
        redirect: 'manual',
        signal,
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = new URL(location, current).href;
        if (seen.has(next) || hops >= settings.maxRedirects) {
          throw new StrikebotError(
            'SOURCE_REDIRECT_LOOP',
            seen.has(next)
              ? `${url}: the redirects go round in a loop (${[...seen, next].join(' -> ')}); open the page in a browser, save it as HTML and add the file`
              : `${url}: more than ${settings.maxRedirects} redirects; open the page in a browser, save it as HTML and add the file`,
          );
        }
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new StrikebotError(
          'SOURCE_FETCH_FAILED',
          `${current}: the server answered ${response.status} ${response.statusText}; check the address, or save the page as HTML and add the file`,
        );
      }
      const type = response.headers.get('content-type') ?? '';
      if (!HTML_TYPES.test(type)) {
        await response.body?.cancel();
        throw new StrikebotError(
          'SOURCE_NOT_HTML',
          `${current}: not an HTML page (Content-Type ${type === '' ? 'missing' : type}); only web pages, saved .html files and .txt pastes can be added`,
        );
      }
      const bytes = await readCapped(response, current, settings.maxBytes);
      const html = new TextDecoder(charsetOf(type)).decode(bytes);
      return { requestedUrl: url, finalUrl: current, html };
    }
  } catch (error) {
    if (error instanceof StrikebotError) throw error;
    if (signal.aborted) {
      throw new StrikebotError(
        'SOURCE_TIMEOUT',
        `${url}: no complete answer within ${settings.timeoutMs / 1000} s; try again later, or save the page as HTML and add the file`,
        { cause: error },
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new StrikebotError(
      'SOURCE_FETCH_FAILED',
      `${url}: could not be fetched (${why}); check the address and the network`,
      { cause: error },
    );
  }
}
