import { expect, test } from '@playwright/test';
import { deepParagraph, ISSUE, readTotal, resultList, resultsHeading, searchBox } from './support';

test.use({ javaScriptEnabled: false });

test.describe('without JavaScript', () => {
  test('pressing Enter in the search box submits the form and shows results', async ({ page }) => {
    await page.goto('/');
    await searchBox(page).fill('alphafold');
    await searchBox(page).press('Enter');
    await expect(page).toHaveURL(/\/\?q=alphafold$/);
    await expect(
      resultList(page)
        .locator('mark')
        .filter({ hasText: /^AlphaFold$/ })
        .first(),
    ).toBeVisible();
  });

  test('the form keeps the page size and filters as hidden fields', async ({ page }) => {
    await page.goto('/?q=alphafold&topic=biology&per=5');
    await searchBox(page).fill('protein');
    await searchBox(page).press('Enter');
    await expect(page).toHaveURL(/[?&]topic=biology/);
    await expect(page).toHaveURL(/[?&]per=5/);
    await expect(page).toHaveURL(/[?&]q=protein/);
  });

  test('a facet link filters the results and a page link pages through them', async ({ page }) => {
    // Five paragraphs a page, so even the one-issue sample has several pages of Tech Tales.
    await page.goto('/?group=paragraph&per=5');
    await searchBox(page).fill('the');
    await searchBox(page).press('Enter');
    await expect(page).toHaveURL(/[?&]q=the/);
    const unfiltered = await readTotal(page);

    await page
      .getByRole('complementary', { name: 'Filters' })
      .getByRole('region', { name: 'Topic' })
      .getByRole('link', { name: /^Tech Tales/ })
      .click();
    await expect(page).toHaveURL(/[?&]topic=fiction/);
    const filtered = await readTotal(page);
    expect(filtered).toBeLessThan(unfiltered);
    expect(filtered).toBeGreaterThan(5);
    await expect(resultList(page).getByRole('article').first()).toContainText('Tech Tales');

    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Page 2', exact: true })
      .click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page).toHaveURL(/[?&]topic=fiction/);
    await expect(page).toHaveURL(/[?&]per=5/);
    await expect(resultsHeading(page)).toContainText('showing 6–10');
    expect(await readTotal(page)).toBe(filtered);
  });

  test('a sort link reorders the results', async ({ page }) => {
    await page.goto('/?q=alphafold');
    await page
      .getByRole('navigation', { name: 'Sort results' })
      .getByRole('link', { name: 'Oldest' })
      .click();
    await expect(page).toHaveURL(/[?&]sort=oldest/);
    await expect(
      resultList(page)
        .getByRole('link', { name: /^Import AI \d+$/ })
        .first(),
    ).toHaveText('Import AI 226');
  });

  test('the ¶ control is a plain link to the paragraph', async ({ page, request }) => {
    const target = await deepParagraph(request);
    await page.goto(`/issues/${ISSUE}`);
    const control = page.locator(`div:has(> [id="${target.id}"])`).getByRole('link', {
      name: 'Copy link to this paragraph',
    });
    await expect(control).toHaveAttribute('href', `#${target.id}`);
    await control.focus();
    await control.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/issues/${ISSUE}#${target.id}$`));
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(target.id);
  });
});
