import type { Issue } from '../catalogue/model';
import { createFlexIndex, exportFlexIndex, toFlexDoc } from './flex';
import { toSearchDocs } from './documents';

/** Builds the FlexSearch index over every paragraph and exports it as named chunks. */
export async function buildSearchArtefacts(issues: readonly Issue[]): Promise<Map<string, string>> {
  const flex = createFlexIndex();
  for (const doc of toSearchDocs(issues)) flex.add(toFlexDoc(doc));
  return exportFlexIndex(flex);
}
