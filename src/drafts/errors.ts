/** A draft that cannot be read (missing file, bad revision…): the CLI reports it in one line and exits with 2. */
export class DiffInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiffInputError';
  }
}

/** The reason of a file-system or process error, without a stack. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return error instanceof Error ? error.message.split('\n')[0] ?? String(error) : String(error);
}
