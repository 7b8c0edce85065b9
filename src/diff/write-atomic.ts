/**
 * Writing a diff output so that it is never seen half-written (the shared
 * atomic write), with a failure reported as an input/output problem (exit 2).
 */
import { writeFileAtomic as writeAtomically } from '../core/atomic-write.js';
import { describeFsError } from '../core/read-source.js';
import { InputError } from '../core/errors.js';

export function writeFileAtomic(path: string, content: string | Uint8Array, shown = path): void {
  try {
    // A missing folder is the user's typo to hear about, not one to create.
    writeAtomically(path, content, { createFolder: false });
  } catch (error) {
    throw new InputError(`cannot write \`${shown}\`: ${describeFsError(error)}`);
  }
}
