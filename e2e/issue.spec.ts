import { expect, test } from '@playwright/test';
import { deepParagraph, ISSUE, issueStories, searchBox } from './support';

/** Reads a `<meta>` tag's content by property (Open Graph) or name. */
function meta(page: import('@playwright/test').Page, key: string) {
  return page.locator(`head meta[property="${key}"], head meta[name="${key}"]`).first();
}

test.describe('an issue page', () => {
  test('shows the whole issue with its stories and every paragraph under a p- id', async ({
    page,
    request,
  }) => {
    const stories = await issueStories(request);
    await page.goto(`/issues/${ISSUE}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'AlphaFold; a Chinese GPT2; Google fires Timnit Gebru',
    );
    for (const story of stories) {
      await expect(page.getByRole('heading', { level: 2, name: story.title, exact: true })).toBeAttached();
    }
    const paragraphs = stories.flatMap((s) => s.paragraphs);
    await expect(page.locator('article p[id^="p-"]')).toHaveCount(paragraphs.length);
  });

  test('?q= marks the query’s words in the issue', async ({ page }) => {
    await page.goto(`/issues/${ISSUE}?q=alphafold`);
    await expect(
      page
        .locator('article p[id^="p-"] mark')
        .filter({ hasText: /^AlphaFold$/ })
        .first(),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to results for “alphafold”' })).toHaveAttribute(
      'href',
      '/?q=alphafold',
    );
  });

  test('without ?q= nothing is marked', async ({ page }) => {
    await page.goto(`/issues/${ISSUE}`);
    await expect(page.locator('article mark')).toHaveCount(0);
  });

  test('a paragraph’s permanent link opens its issue scrolled to that paragraph, marked', async ({
    page,
    request,
  }) => {
    const target = await deepParagraph(request);
    expect(target.url).toBe(`/issues/${ISSUE}#${target.id}`);
    await page.goto(target.url);

    const paragraph = page.locator(`[id="${target.id}"]`);
    await expect(paragraph).toBeInViewport();
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(target.id);

    const background = (id: string) =>
      page.locator(`[id="${id}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
    const first = (await issueStories(request))[0]!.paragraphs[0]!;
    expect(await background(target.id)).not.toBe(await background(first.id));
    expect(await background(target.id)).not.toBe('rgba(0, 0, 0, 0)');
  });

  test('the copy-link control puts the absolute permanent link on the clipboard', async ({
    browser,
    request,
    baseURL,
  }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const target = await deepParagraph(request);
    await page.goto(`/issues/${ISSUE}`);

    const block = page.locator(`div:has(> [id="${target.id}"])`);
    await block.hover();
    const control = block.getByRole('link', { name: 'Copy link to this paragraph' });
    await expect(control).toBeVisible();
    await control.click();

    await expect(block.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}/issues/${ISSUE}#${target.id}`,
    );
    expect(`${baseURL}/issues/${ISSUE}#${target.id}`).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/issues\/226#p-[0-9a-f]{6}/,
    );
    await context.close();
  });

  test('the copy-link control appears when it gets keyboard focus', async ({ page }) => {
    await page.goto(`/issues/${ISSUE}`);
    const control = page.getByRole('link', { name: 'Copy link to this paragraph' }).first();
    await expect(control).toHaveCSS('opacity', '0');
    await control.focus();
    await expect(control).toHaveCSS('opacity', '1');
  });

  test('has an Open Graph title and description and a canonical link', async ({ page }) => {
    await page.goto(`/issues/${ISSUE}`);
    await expect(meta(page, 'og:title')).toHaveAttribute(
      'content',
      'Import AI 226: AlphaFold; a Chinese GPT2; Google fires Timnit Gebru',
    );
    await expect(meta(page, 'og:description')).toHaveAttribute(
      'content',
      /DeepMind cracks the protein folding problem/,
    );
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', /\/issues\/226$/);
  });
  test('its canonical link and og:url are absolute URLs', async ({ page }) => {
    await page.goto(`/issues/${ISSUE}`);
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
      'href',
      /^https?:\/\/[^/]+\/issues\/226$/,
    );
    await expect(meta(page, 'og:url')).toHaveAttribute('content', /^https?:\/\/[^/]+\/issues\/226$/);
  });

  test('an unknown issue shows a 404 page with a search box', async ({ page }) => {
    const response = await page.goto('/issues/99999');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'That page isn’t in the archive' })).toBeVisible();
    await searchBox(page).fill('alphafold');
    await searchBox(page).press('Enter');
    await expect(page).toHaveURL(/\/\?q=alphafold$/);
    await expect(page.getByRole('list', { name: 'Results' })).toContainText('AlphaFold');
  });

  test('an issue number that is not a number is a 404 too', async ({ page }) => {
    const response = await page.goto('/issues/abc');
    expect(response?.status()).toBe(404);
    await expect(searchBox(page)).toBeVisible();
  });
});

test.describe('a paragraph’s share link', () => {
  test('has og:description equal to the paragraph’s text', async ({ page, request }) => {
    const target = await deepParagraph(request);
    await page.goto(`/issues/${ISSUE}/${target.id}`);
    const description = await meta(page, 'og:description').getAttribute('content');
    expect(description).toBeTruthy();
    // Long paragraphs are clipped at a word with an ellipsis; the rest must be the paragraph's own start.
    expect(target.text.startsWith(description!.replace(/…$/, ''))).toBe(true);
    await expect(meta(page, 'og:title')).toHaveAttribute('content', 'Player Piano After The Goldrush');
  });

  test('shows the issue scrolled to the paragraph, marked', async ({ page, request }) => {
    const target = await deepParagraph(request);
    await page.goto(`/issues/${ISSUE}/${target.id}`);
    const paragraph = page.locator(`[id="${target.id}"]`);
    await expect(paragraph).toHaveAttribute('data-shared', 'true');
    await expect(paragraph).toBeInViewport();
    await expect(paragraph).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  });

  test('for a paragraph id the issue does not have is a 404', async ({ page }) => {
    const response = await page.goto(`/issues/${ISSUE}/p-000000`);
    expect(response?.status()).toBe(404);
  });
});
