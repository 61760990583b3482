import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';

/**
 * Shared helpers for the browser tests. They anchor on Import AI 226, the one issue that is in
 * both the bundled sample and the full archive, so every test passes over either catalogue.
 */

export const ISSUE = 226;
export const TALE = 'Player Piano After The Goldrush';

/** The search box, found by its label as a user (or a screen reader) would. */
export function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search every paragraph of Import AI' });
}

export function resultList(page: Page) {
  return page.getByRole('list', { name: 'Results' });
}

/** The results heading, e.g. "123 matching stories (456 paragraphs) · showing 1–20". */
export function resultsHeading(page: Page) {
  return page.locator('#results-heading');
}

/** The count the results heading states: stories, or paragraphs with group=paragraph (0 for "No matching …"). */
export async function readTotal(page: Page): Promise<number> {
  const text = (await resultsHeading(page).innerText()).trim();
  if (/^No matching/.test(text)) return 0;
  const match = /^([\d,]+) matching/.exec(text);
  expect(match, `results heading "${text}" states no total`).not.toBeNull();
  return Number(match![1]!.replace(/,/g, ''));
}

export interface IssueParagraph {
  id: string;
  url: string;
  text: string;
  role: string;
}

export interface IssueStory {
  id: string;
  title: string;
  kind: string;
  topics: string[];
  paragraphs: IssueParagraph[];
}

/** Issue 226's stories and paragraphs, read through the JSON twin of the issue page. */
export async function issueStories(request: APIRequestContext): Promise<IssueStory[]> {
  const response = await request.get(`/api/issues/${ISSUE}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { stories: IssueStory[] }).stories;
}

/** A paragraph well down the issue page (the Tech Tale's third), so reaching it needs a scroll. */
export async function deepParagraph(request: APIRequestContext): Promise<IssueParagraph> {
  const tale = (await issueStories(request)).find((s) => s.title === TALE);
  expect(tale, `issue ${ISSUE} has the Tech Tale "${TALE}"`).toBeDefined();
  const paragraph = tale!.paragraphs[2];
  expect(paragraph).toBeDefined();
  return paragraph!;
}

/** Asserts the API's one error shape: `{ ok: false, status, error }` as JSON with that status. */
export async function expectApiError(response: APIResponse, status: number, message: string | RegExp) {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toMatch(/^application\/json/);
  expect(await response.json()).toEqual({
    ok: false,
    status,
    error: typeof message === 'string' ? message : expect.stringMatching(message),
  });
}
