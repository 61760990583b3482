import { expect, test } from '@playwright/test';

// Runs against the second server, which serves a build of the bundled sample alone (playwright.config.ts).

test('the home page of the sample build says it is the sample and names the command that fetches the rest', async ({
  page,
}) => {
  await page.goto('/');
  const note = page.getByRole('note', { name: 'About this build' });
  await expect(note).toContainText('This is the sample build.');
  await expect(note).toContainText('Import AI 226');
  await expect(note.locator('code')).toHaveText('npm run setup');
});

test('the issues API of the sample build says it is the sample', async ({ request }) => {
  const body = (await (await request.get('/api/issues')).json()) as {
    archive: { issues: number; sample: boolean; fetchCommand: string; first: { number: number } };
  };
  expect(body.archive).toMatchObject({ issues: 1, sample: true, fetchCommand: 'npm run setup' });
  expect(body.archive.first.number).toBe(226);
});

test('every example search on the sample build’s home page finds something', async ({ page }) => {
  await page.goto('/');
  const links = page.getByRole('region', { name: 'Try a search' }).getByRole('link');
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.locator('#results-heading'), href).toContainText(/^[\d,]+ matching/);
    await expect(page.getByText('No story contains all of your words'), href).toHaveCount(0);
  }
});

test('the sample build never "corrects" the name of a story kind it holds', async ({ request }) => {
  const body = (await (await request.get('/api/search', { params: { q: 'tech tales' } })).json()) as {
    suggestion?: string;
    terms: string[];
  };
  expect(body.suggestion).toBeUndefined();
  expect(body.terms).toEqual(['tech', 'tales']);
});
