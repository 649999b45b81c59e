/** Machine-readable codes for {@link StrikebotError}. */
export type StrikebotErrorCode =
  | 'CONFIG_INVALID'
  | 'KNOWLEDGE_UNREADABLE'
  | 'KNOWLEDGE_MALFORMED'
  | 'KNOWLEDGE_EMPTY'
  | 'SNAPSHOT_INVALID'
  | 'PROFILE_INVALID'
  | 'PLATFORM_ERROR';

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
