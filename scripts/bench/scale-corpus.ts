import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isIssueFileName } from '../../lib/catalogue';
import { issueNumberOf, renumberIssue } from '../../lib/bench/renumber';

/** Copy k of issue n is numbered n + k × NUMBER_STRIDE (issue numbers stay within 5 digits up to 99×). */
const NUMBER_STRIDE = 1000;

/**
 * Writes `scale` copies of every issue file in `sourceDir` into `targetDir`: copy 0 as it is, copy
 * k renumbered to n + 1000k, so the parser sees `scale` times as many distinct issues.
 */
export async function writeScaledCorpus(
  sourceDir: string,
  targetDir: string,
  scale: number,
): Promise<number> {
  await mkdir(targetDir, { recursive: true });
  const names = (await readdir(sourceDir)).filter(isIssueFileName);
  let written = 0;
  for (const name of names) {
    const content = await readFile(path.join(sourceDir, name), 'utf8');
    const number = issueNumberOf(content);
    if (number !== undefined && number + (scale - 1) * NUMBER_STRIDE > 99_999)
      throw new Error(`bench: issue ${number} cannot be copied ${scale} times within 5-digit numbers`);
    const extension = path.extname(name);
    const stem = name.slice(0, -extension.length);
    for (let copy = 0; copy < scale; copy++) {
      const text =
        copy === 0 || number === undefined ? content : renumberIssue(content, number + copy * NUMBER_STRIDE);
      await writeFile(path.join(targetDir, copy === 0 ? name : `${stem}.copy${copy}${extension}`), text);
      written++;
    }
  }
  return written;
}
