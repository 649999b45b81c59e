/**
 * Command-line flags for the npm scripts: `node:util` parseArgs in strict mode, but a mistyped or
 * unknown flag prints the message and the script's usage and exits 2 instead of a stack trace, and
 * `--help` prints the usage and exits 0.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>
>;

/**
 * Parses `args` against `options`, allowing positional arguments (a question, file names).
 * Anything that looks like a flag but is not one (`--jsn`) is refused with the usage, never taken
 * as part of a question.
 *
 * @example
 * const { values, positionals } = parseFlagsAndArguments({ json: { type: 'boolean' } }, USAGE, argv);
 */
export function parseFlagsAndArguments<const O extends Options>(
  options: O,
  usage: string,
  args: string[] = process.argv.slice(2),
): { values: Parsed<O>['values']; positionals: string[] } {
  if (args.includes('--help')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values, positionals };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
}

/**
 * Parses `args` (default: this process's arguments) against `options`; no positional arguments.
 *
 * @example
 * const flags = parseFlags({ json: { type: 'boolean' } }, 'usage: npm run eval -- [--json]');
 */
export function parseFlags<const O extends Options>(
  options: O,
  usage: string,
  args: string[] = process.argv.slice(2),
): Parsed<O>['values'] {
  const { values, positionals } = parseFlagsAndArguments(options, usage, args);
  if (positionals.length > 0) {
    process.stderr.write(`unexpected argument '${positionals[0]}'\n${usage}\n`);
    process.exit(2);
  }
  return values;
}
