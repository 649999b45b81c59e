import { readFile } from 'node:fs/promises';

/**
 * Reads the question file a CLI was given with `--questions`: prints the usage and exits with 2
 * when there is none, and names the file when it cannot be read.
 *
 * @example
 * const { file, text } = await readQuestionFile(values.questions, USAGE);
 */
export async function readQuestionFile(
  file: string | undefined,
  usage: string,
): Promise<{ file: string; text: string }> {
  if (!file) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  return { file, text: await readNamedFile(file) };
}

/**
 * A file a CLI was given, as text; a file that cannot be read is named with the reason.
 *
 * @example
 * await readNamedFile('missing.json') // throws "cannot read missing.json: ENOENT"
 */
export async function readNamedFile(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${file}: ${error.code ?? error.message}`);
  });
}
