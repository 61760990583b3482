import { CatalogueError, parseIssueFile } from '../catalogue';

/** How a copy of an issue reads to the catalogue: its richness, or why the catalogue cannot read it. */
export type CopyVerdict = { ok: true; score: number } | { ok: false; reason: string };

/**
 * Read a would-be issue file with the catalogue's own parser, so sync writes only files the index
 * accepts and can rank two copies of one issue by what search would actually hold: the characters
 * of its paragraphs' text plus `linkWeight` per cited link.
 */
export function checkCopy(
  fileName: string,
  content: string,
  number: number,
  linkWeight: number,
): CopyVerdict {
  let issue;
  try {
    issue = parseIssueFile(fileName, content);
  } catch (error) {
    if (error instanceof CatalogueError)
      return { ok: false, reason: `the catalogue cannot read it: ${error.message}` };
    throw error;
  }
  if (issue.number !== number) {
    return { ok: false, reason: `the catalogue reads it as issue ${issue.number}, not ${number}` };
  }
  let score = 0;
  for (const story of issue.stories) {
    for (const paragraph of story.paragraphs)
      score += paragraph.text.length + linkWeight * paragraph.links.length;
  }
  return { ok: true, score };
}
