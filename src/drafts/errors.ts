/** A draft that cannot be read (missing file, bad revision…): the CLI reports it in one line and exits with 2. */
export class DiffInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiffInputError';
  }
}
