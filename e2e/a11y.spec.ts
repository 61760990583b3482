import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Runs axe and fails listing each serious or critical violation with the elements it found. */
async function expectNoSeriousViolations(page: Page, exclude?: string) {
  const builder = new AxeBuilder({ page });
  if (exclude) builder.exclude(exclude);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, serious.join('\n')).toEqual([]);
}

for (const [name, url] of [
  ['the landing page', '/'],
  ['issue 226', '/issues/226'],
  ['the Tech Tales topic page', '/topics/fiction'],
  ['the topics page', '/topics'],
  ['the 404 page', '/issues/99999'],
] as const) {
  test(`axe finds no serious or critical violations on ${name}`, async ({ page }) => {
    await page.goto(url);
    await expectNoSeriousViolations(page);
  });
}

test('axe finds no serious or critical violations on a results page', async ({ page }) => {
  await page.goto('/?q=alphafold');
  await expectNoSeriousViolations(page);
});

test('axe finds no serious or critical violations on a filtered, paged results page', async ({ page }) => {
  await page.goto('/?q=the&topic=fiction&group=paragraph&per=5&page=2');
  await expectNoSeriousViolations(page);
});

test('axe finds no serious or critical violations on a results page on a phone with the filters open', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?q=alphafold');
  await page.locator('summary', { hasText: 'Filters' }).click();
  await expectNoSeriousViolations(page);
});

test('axe finds no serious or critical violations in dark mode on a results page', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?q=alphafold');
  await expectNoSeriousViolations(page);
});

test('axe finds no serious or critical violations on a search with no results', async ({ page }) => {
  await page.goto('/?q=alphafold&topic=fiction');
  await expectNoSeriousViolations(page);
});

test('a results page has no duplicate element ids', async ({ page }) => {
  await page.goto('/?q=alphafold');
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(duplicates).toEqual([]);
});
