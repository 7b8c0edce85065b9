/**
 * The one error a run stops with when it cannot go on because of its input
 * or environment: a file that cannot be read, a bad git revision, a corrupt
 * or encrypted .docx, an output that cannot be written. Its message is one
 * line naming what and why; the CLI reports it as `opinion: <message>` with
 * exit code 2, never with a stack trace (cli/main.ts, the one place that
 * maps failures to exit codes). Problems *in* a readable input are
 * VFileMessages on its file, not errors.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
