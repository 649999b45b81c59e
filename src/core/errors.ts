/** Machine-readable codes for {@link StrikebotError}. */
export type StrikebotErrorCode =
  | 'CONFIG_INVALID'
  | 'KNOWLEDGE_UNREADABLE'
  | 'KNOWLEDGE_MALFORMED'
  | 'KNOWLEDGE_EMPTY'
  | 'SNAPSHOT_INVALID'
  | 'PLATFORM_ERROR'
  /** `npm run add`: the page could not be fetched (network error or an HTTP error status). */
  | 'SOURCE_FETCH_FAILED'
  /** `npm run add`: the page did not arrive within the time limit. */
  | 'SOURCE_TIMEOUT'
  /** `npm run add`: the redirects lead back to an address already visited, or never end. */
  | 'SOURCE_REDIRECT_LOOP'
  /** `npm run add`: the page or file is over the size limit. */
  | 'SOURCE_TOO_LARGE'
  /** `npm run add`: the page or file is not HTML (or, for a paste, not text). */
  | 'SOURCE_NOT_HTML'
  /** `npm run add`: no article text was found on the page. */
  | 'SOURCE_NO_ARTICLE'
  /** `npm run add`: the URL or the text is already in the knowledge folder. */
  | 'SOURCE_DUPLICATE';

/**
 * The one error class of strikebot. Its message names the file, variable or value at fault
 * and says what to do; `code` lets callers branch without parsing text.
 *
 * @example
 * throw new StrikebotError('KNOWLEDGE_MALFORMED', 'knowledge/a.md:3: front matter is not valid YAML');
 */
export class StrikebotError extends Error {
  override readonly name = 'StrikebotError';
  constructor(
    readonly code: StrikebotErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
