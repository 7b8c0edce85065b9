/**
 * Word files as LibreOffice shows them after Accept All and Reject All of
 * their tracked changes: LibreOffice (headless) opens each file, runs its own
 * `.uno:AcceptAllTrackedChanges` / `.uno:RejectAllTrackedChanges`, and saves
 * the result as plain text, where every paragraph is one line that starts
 * with the number LibreOffice's list numbering gives it. So a test reads the
 * numbers a reader sees, not only the words.
 *
 * The commands run in a Basic macro of a LibreOffice profile of the test's
 * own (a temporary folder: runs at the same time share nothing, no port or
 * pipe), one LibreOffice run for all the files. The run is killed (its whole
 * process group) after a generous timeout, and the folder removed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The `soffice` program (`OPINION_SOFFICE`, else on the PATH). */
export const SOFFICE = process.env.OPINION_SOFFICE ?? 'soffice';
export const hasLibreOffice = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;

export interface LibreOfficeViews {
  /** Paragraph lines after Accept All (numbers as LibreOffice shows them, spaces collapsed). */
  accept: string[];
  /** Paragraph lines after Reject All. */
  reject: string[];
}

/**
 * For every `<name>.docx` of the folder: Accept All saved as
 * `<name>.accept.txt`, Reject All as `<name>.reject.txt` (UTF-8); a failure
 * is written to `error.txt`, and `done.txt` at the end.
 */
const MACRO = `
Sub Views(dirUrl As String)
  Dim names(0 To 999) As String
  Dim total As Integer, i As Integer, m As Integer
  Dim doc As Object, dispatcher As Object, current As String
  On Error GoTo Failed
  current = "list"
  Dim found As String
  found = Dir(ConvertFromURL(dirUrl) &amp; "/*.docx")
  Do While found &lt;&gt; ""
    names(total) = found
    total = total + 1
    found = Dir()
  Loop
  dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
  Dim modes(1) As String
  modes(0) = "Accept"
  modes(1) = "Reject"
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = "Hidden"
  loadArgs(0).Value = True
  Dim noArgs() As New com.sun.star.beans.PropertyValue
  Dim storeArgs(1) As New com.sun.star.beans.PropertyValue
  storeArgs(0).Name = "FilterName"
  storeArgs(0).Value = "Text (encoded)"
  storeArgs(1).Name = "FilterOptions"
  storeArgs(1).Value = "UTF8,LF,,,"
  For i = 0 To total - 1
    For m = 0 To 1
      current = names(i) &amp; " " &amp; modes(m)
      doc = StarDesktop.loadComponentFromURL(dirUrl &amp; "/" &amp; names(i), "_blank", 0, loadArgs())
      dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:" &amp; modes(m) &amp; "AllTrackedChanges", "", 0, noArgs())
      doc.storeToURL(dirUrl &amp; "/" &amp; Left(names(i), Len(names(i)) - 5) &amp; "." &amp; LCase(modes(m)) &amp; ".txt", storeArgs())
      doc.close(True)
    Next m
  Next i
  WriteLine(dirUrl &amp; "/done.txt", "done")
  Exit Sub
Failed:
  WriteLine(dirUrl &amp; "/error.txt", current &amp; ": " &amp; Error$ &amp; " (line " &amp; Erl &amp; ")")
End Sub
`;

/** `WriteLine(url, text)`, for the macros' `done.txt` and `error.txt`: added to every module run. */
const WRITE_LINE = `
Sub WriteLine(url As String, text As String)
  Dim f As Integer
  f = FreeFile
  Open ConvertFromURL(url) For Output As #f
  Print #f, text
  Close #f
End Sub
`;

/** A Basic module (its code XML-escaped, as `&amp;` and `&lt;` above) as the profile stores it. */
const moduleOf = (code: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="OpinionTest" script:language="StarBasic">${code.replace(/"/gu, '&quot;')}</script:module>
`;

const LIBRARY = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="OpinionTest"/>
</library:library>
`;

/** Runs LibreOffice with its own profile and HOME, killed with its process group after `timeout` ms. */
function runOffice(work: string, args: string[], timeout: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const profile = pathToFileURL(join(work, 'profile')).href;
    const child = spawn(
      SOFFICE,
      [`-env:UserInstallation=${profile}`, '--headless', '--invisible', '--norestore', '--nolockcheck', '--nologo', '--nodefault', ...args],
      {
        cwd: work,
        env: { ...process.env, HOME: work },
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeout);
    const onExit = () => kill();
    process.once('exit', onExit);
    child.on('error', (error) => {
      clearTimeout(timer);
      process.off('exit', onExit);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      process.off('exit', onExit);
      // Nothing of this run may outlive it (oosplash's soffice.bin child included).
      kill();
      resolve({ code, stderr, timedOut });
    });
  });
}

/** The lines of a text export: BOM removed, spaces collapsed, empty lines kept (as ''). */
const lines = (text: string): string[] =>
  text
    .replace(/^\uFEFF/u, '')
    .replace(/\n$/u, '')
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim());

/** Each Word file (name → bytes) after Accept All and after Reject All, as LibreOffice shows it. */
export async function libreOfficeViews(files: Record<string, Uint8Array>, timeout = 240_000): Promise<Record<string, LibreOfficeViews>> {
  const work = mkdtempSync(join(tmpdir(), 'opinion-lo-'));
  try {
    const docs = join(work, 'docs');
    mkdirSync(docs);
    for (const [name, bytes] of Object.entries(files)) {
      if (!/^[\w-]+$/u.test(name)) throw new Error(`file name ${name}: letters, digits, - and _ only`);
      writeFileSync(join(docs, `${name}.docx`), bytes);
    }
    await runMacro(work, MACRO, 'Views', docs, timeout);
    return Object.fromEntries(
      Object.keys(files).map((name) => [
        name,
        {
          accept: lines(readFileSync(join(docs, `${name}.accept.txt`), 'utf8')),
          reject: lines(readFileSync(join(docs, `${name}.reject.txt`), 'utf8')),
        },
      ]),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Run `Sub <sub>(dirUrl As String)` of a Basic module (`code`, XML-escaped)
 * in LibreOffice with a profile of its own under `work`, on the folder
 * `dir`. The macro writes `done.txt` there when it is through, or
 * `error.txt` with the reason (thrown here), with `WriteLine(url, text)`,
 * which is added to the module.
 */
export async function runMacro(work: string, code: string, sub: string, dir: string, timeout = 240_000): Promise<void> {
  // A first start writes the profile; the macro then goes into its Standard library (a start over an incomplete profile would overwrite it).
  const init = await runOffice(work, ['--terminate_after_init'], timeout);
  const standard = join(work, 'profile', 'user', 'basic', 'Standard');
  if (init.timedOut || !existsSync(standard))
    throw new Error(`LibreOffice did not set up its profile (${init.timedOut ? 'timed out' : `exit ${init.code}`}): ${init.stderr}`);
  writeFileSync(join(standard, 'OpinionTest.xba'), moduleOf(code + WRITE_LINE));
  writeFileSync(join(standard, 'script.xlb'), LIBRARY);
  const url = pathToFileURL(dir).href;
  const run = await runOffice(work, [`macro:///Standard.OpinionTest.${sub}("${url}")`], timeout);
  if (existsSync(join(dir, 'error.txt'))) throw new Error(`LibreOffice macro failed: ${readFileSync(join(dir, 'error.txt'), 'utf8').trim()}`);
  if (run.timedOut || !existsSync(join(dir, 'done.txt')))
    throw new Error(`LibreOffice did not finish (${run.timedOut ? 'timed out' : `exit ${run.code}`}): ${run.stderr}`);
}
