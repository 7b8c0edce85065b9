/** A Word file that cannot be read at all (empty, corrupt, a .doc, encrypted…): one line, exit code 2 in the CLI. */
export class WordReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WordReadError';
  }
}
