/**
 * Command-line flags for the npm scripts: `node:util` parseArgs in strict mode, but a mistyped or
 * unknown flag prints the message and the script's usage and exits 2 instead of a stack trace, and
 * `--help` prints the usage and exits 0.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `args` (default: this process's arguments) against `options`.
 *
 * @example
 * const flags = parseFlags({ json: { type: 'boolean' } }, 'usage: npm run eval -- [--json]');
 */
export function parseFlags<const O extends Options>(
  options: O,
  usage: string,
  args: string[] = process.argv.slice(2),
): ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values'] {
  return parseFlagsAndArguments(options, usage, args, false).values;
}

/**
 * Like {@link parseFlags}, but also returns the arguments that are not flags (file names...)
 * when `allowPositionals` is true.
 *
 * @example
 * const { values, positionals } = parseFlagsAndArguments(
 *   { knowledge: { type: 'string' } }, 'usage: npm run eval:check-spans -- FILE --knowledge DIR');
 */
export function parseFlagsAndArguments<const O extends Options>(
  options: O,
  usage: string,
  args: string[] = process.argv.slice(2),
  allowPositionals = true,
): ReturnType<typeof parseArgs<{ options: O; strict: true }>> {
  if (args.includes('--help')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals }) as ReturnType<
      typeof parseArgs<{ options: O; strict: true }>
    >;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
}
