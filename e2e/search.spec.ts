import { expect, test } from '@playwright/test';
import { readTotal, resultList, resultsHeading, searchBox } from './support';

test.describe('the search page', () => {
  test('searching "AlphaFold" shows the issue 226 paragraph with AlphaFold marked', async ({ page }) => {
    await page.goto('/');
    await searchBox(page).fill('AlphaFold');
    await searchBox(page).press('Enter');
    await expect(page).toHaveURL(/[?&]q=AlphaFold/);

    const story = resultList(page)
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Import AI 226', exact: true }) })
      .first();
    await expect(
      story.getByRole('heading', { name: 'DeepMind cracks the protein folding problem' }),
    ).toBeVisible();
    await expect(
      story
        .locator('mark')
        .filter({ hasText: /^AlphaFold$/ })
        .first(),
    ).toBeVisible();
  });

  test('toggling a topic facet changes the total and adds topic= to the URL', async ({ page }) => {
    await page.goto('/?q=ai');
    const before = await readTotal(page);
    const filters = page.getByRole('complementary', { name: 'Filters' });
    const policy = filters
      .getByRole('region', { name: 'Topic' })
      .getByRole('link', { name: /^Policy & geopolitics/ });
    const facetCount = Number((await policy.innerText()).match(/([\d,]+)\s*$/)![1]!.replace(/,/g, ''));

    await policy.click();
    await expect(page).toHaveURL(/[?&]topic=policy(&|$)/);
    await expect(page.getByRole('group', { name: 'Active filters' })).toContainText(
      'Topic: Policy & geopolitics',
    );
    await expect.poll(() => readTotal(page)).toBe(facetCount);
    expect(facetCount).toBeLessThan(before);
  });

  test('removing an active filter chip restores the unfiltered total', async ({ page }) => {
    await page.goto('/?q=ai');
    const before = await readTotal(page);
    await page.goto('/?q=ai&topic=policy');
    await page.getByRole('link', { name: /Topic: Policy & geopolitics/ }).click();
    await expect(page).not.toHaveURL(/topic=/);
    await expect.poll(() => readTotal(page)).toBe(before);
  });

  test('the URL carries q, topic, year, sort, grouping and page, and a reload shows the same page', async ({
    page,
  }) => {
    // One paragraph per result, so even the one-issue sample has several pages of Tech Tales.
    await page.goto('/?q=the&topic=fiction&year=2020&sort=oldest&group=paragraph&page=2&per=5');
    await expect(searchBox(page)).toHaveValue('the');
    await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('Topic: Tech Tales');
    await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('Year: 2020');
    await expect(
      page.getByRole('navigation', { name: 'Sort results' }).getByRole('link', { name: 'Oldest' }),
    ).toHaveAttribute('aria-current', 'true');
    await expect(
      page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Page 2', exact: true }),
    ).toHaveAttribute('aria-current', 'page');
    await expect(resultsHeading(page)).toContainText('showing 6–10');
    const before = await resultList(page).innerText();

    await page.reload();
    await expect(page).toHaveURL(/\?q=the&topic=fiction&year=2020&sort=oldest&group=paragraph&page=2&per=5$/);
    await expect(resultsHeading(page)).toContainText('showing 6–10');
    expect(await resultList(page).innerText()).toBe(before);
  });

  test('going back after paging returns to the previous page of results', async ({ page }) => {
    await page.goto('/?q=the&year=2020&group=paragraph&per=5');
    const firstPage = await resultList(page).innerText();
    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Page 2', exact: true })
      .click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(resultsHeading(page)).toContainText('showing 6–10');
    expect(await resultList(page).innerText()).not.toBe(firstPage);

    await page.goBack();
    await expect(page).toHaveURL(/\?q=the&year=2020&group=paragraph&per=5$/);
    await expect(resultsHeading(page)).toContainText('showing 1–5');
    await expect.poll(() => resultList(page).innerText()).toBe(firstPage);
  });

  test('going back after toggling a facet restores the query box and the unfiltered results', async ({
    page,
  }) => {
    await page.goto('/?q=ai');
    const before = await resultList(page).innerText();
    await page
      .getByRole('complementary', { name: 'Filters' })
      .getByRole('link', { name: /^Policy & geopolitics/ })
      .click();
    await expect(page).toHaveURL(/topic=policy/);
    await page.goBack();
    await expect(page).toHaveURL(/\?q=ai$/);
    await expect(searchBox(page)).toHaveValue('ai');
    await expect.poll(() => resultList(page).innerText()).toBe(before);
  });

  test('pressing "/" anywhere on the page focuses the search box', async ({ page }) => {
    await page.goto('/?q=alphafold');
    await page.getByRole('link', { name: 'Import AI 226', exact: true }).first().focus();
    await expect(searchBox(page)).not.toBeFocused();
    await page.keyboard.press('/');
    await expect(searchBox(page)).toBeFocused();
    // The slash that summoned the box is not typed into it.
    await expect(searchBox(page)).toHaveValue('alphafold');
  });

  test('typing in the box updates the results and the URL after a pause, without a full page load', async ({
    page,
  }) => {
    await page.goto('/?q=alphafold');
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await searchBox(page).fill('trainium');

    await expect(page).toHaveURL(/[?&]q=trainium/);
    await expect(
      resultList(page)
        .locator('mark')
        .filter({ hasText: /^trainium$/i })
        .first(),
    ).toBeVisible();
    await expect(resultList(page)).not.toContainText('DeepMind cracks the protein folding problem');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
  });

  test('a search with no results offers dropping the filter that emptied it, with its count', async ({
    page,
  }) => {
    await page.goto('/?q=alphafold');
    const unfiltered = await readTotal(page);
    await page.goto('/?q=alphafold&topic=fiction');
    await expect(page.getByText('Nothing matches this search.')).toBeVisible();
    const drop = page.getByRole('listitem').filter({ hasText: 'Drop the topic “Tech Tales”' });
    await expect(drop.getByRole('link')).toHaveText(`${unfiltered} result${unfiltered === 1 ? '' : 's'}`);

    await drop.getByRole('link').click();
    await expect(page).toHaveURL(/\?q=alphafold$/);
    await expect.poll(() => readTotal(page)).toBe(unfiltered);
  });

  test('a misspelled query offers "Did you mean alphafold"', async ({ page }) => {
    await page.goto('/?q=alphafodl');
    await expect(page.getByText(/Did you mean/)).toContainText('Did you mean alphafold?');
    await page.getByRole('link', { name: 'alphafold', exact: true }).click();
    await expect(page).toHaveURL(/\?q=alphafold$/);
  });

  test('an invalid parameter shows the reason instead of results, with status 400', async ({ page }) => {
    const response = await page.goto('/?q=alphafold&sort=best');
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('alert').filter({ hasText: 'That search could not be read' })).toContainText(
      'sort: "best" is not one of relevance, newest, oldest',
    );
  });

  test('the export links download the same result set with permanent links', async ({ page, request }) => {
    await page.goto('/?q=alphafold&topic=biology');
    const csv = page.getByRole('link', { name: 'CSV' });
    const href = await csv.getAttribute('href');
    expect(href).toBe('/api/search?q=alphafold&topic=biology&format=csv');
    const body = await (await request.get(href!)).text();
    expect(body.split('\r\n')[0]).toBe('issue,date,issue_title,story,topics,link,text');
    expect(body).toMatch(/\/issues\/226#p-[0-9a-f]{6}/);
  });

  test('the year chart links each bar to that year’s filter', async ({ page }) => {
    await page.goto('/?q=alphafold');
    const bar = page.getByRole('link', { name: /^2020: \d+ matches$/ }).first();
    await bar.click();
    await expect(page).toHaveURL(/[?&]year=2020(&|$)/);
    await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('Year: 2020');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the facets fold into a disclosure that opens on a tap', async ({ page }) => {
    await page.goto('/?q=ai');
    await expect(page.getByRole('complementary', { name: 'Filters' })).toBeHidden();
    const disclosure = page
      .locator('details')
      .filter({ has: page.locator('summary', { hasText: 'Filters' }) });
    const policy = disclosure.getByRole('link', { name: /^Policy & geopolitics/ });
    await expect(policy).toBeHidden();

    await disclosure.locator('summary').first().click();
    await expect(policy).toBeVisible();
    await policy.click();
    await expect(page).toHaveURL(/topic=policy/);
    await expect(page.locator('summary', { hasText: 'Filters (1 selected)' })).toBeVisible();
  });
});

test.describe('screenshots', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    test(`the results page at ${name} width is kept as an artefact`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto('/?q=alphafold');
      await expect(resultList(page)).toBeVisible();
      for (const [suffix, fullPage] of [
        ['', false],
        ['-full', true],
      ] as const) {
        const path = testInfo.outputPath(`results-${name}${suffix}.png`);
        await page.screenshot({ path, fullPage });
        await testInfo.attach(`results-${name}${suffix}`, { path, contentType: 'image/png' });
      }
      await context.close();
    });
  }
});
