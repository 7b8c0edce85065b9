/**
 * Whether the process `pid` of this machine is gone. A live process of
 * another user answers EPERM: alive. Only what a dead process left is ever
 * cleaned up, so two runs at once never remove each other's files. (A module
 * of its own: the YAML cache of every start-up uses it without loading the
 * writers of core/atomic-write.ts.)
 */
export function processGone(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
