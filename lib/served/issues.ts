import type { Issue } from '../catalogue/model';
import { getServedBuild } from './build';

/** Every issue, newest first. */
export async function getIssues(): Promise<Issue[]> {
  return [...(await getServedBuild()).issues].reverse();
}

export async function getIssue(number: number): Promise<Issue | undefined> {
  return (await getServedBuild()).byNumber.get(number);
}

/** The issues before and after this one in the archive we have (numbers may have gaps). */
export async function getNeighbours(number: number): Promise<{ previous?: Issue; next?: Issue }> {
  const { issues } = await getServedBuild();
  const at = issues.findIndex((i) => i.number === number);
  return { previous: at > 0 ? issues[at - 1] : undefined, next: at >= 0 ? issues[at + 1] : undefined };
}
