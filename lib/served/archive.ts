import { describeCoverage, type ArchiveCoverage } from '../archive/coverage';
import { chooseExampleSearches } from '../archive/examples';
import { DEFAULT_SEARCH_REQUEST } from '../search/types';
import type { Store } from '../store/store';
import { getServedBuild } from './build';
import { search } from './search';

const described = new WeakMap<Store, ArchiveCoverage>();

/** What the served build holds (worked out once per build a process serves). */
export async function getArchiveCoverage(): Promise<ArchiveCoverage> {
  const build = await getServedBuild();
  let coverage = described.get(build);
  if (!coverage) {
    coverage = describeCoverage(build.issues);
    described.set(build, coverage);
  }
  return coverage;
}

const chosenFor = new WeakMap<Store, Promise<string[]>>();

/** The served build's example searches, chosen once per build a process serves. */
export async function getExampleSearches(): Promise<string[]> {
  const build = await getServedBuild();
  let examples = chosenFor.get(build);
  if (!examples) {
    examples = chooseExampleSearches(build.issues, (q) => search({ ...DEFAULT_SEARCH_REQUEST, q, per: 1 }));
    chosenFor.set(build, examples);
  }
  return examples;
}
