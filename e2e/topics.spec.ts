import { expect, test } from '@playwright/test';
import { searchBox, TALE } from './support';

test.describe('the topic pages', () => {
  test('/topics lists every topic with a link to its page', async ({ page }) => {
    await page.goto('/topics');
    await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
    await page.getByRole('link', { name: /^Tech Tales/ }).click();
    await expect(page).toHaveURL(/\/topics\/fiction$/);
  });

  test('/topics/fiction lists "Player Piano After The Goldrush"', async ({ page }) => {
    await page.goto('/topics/fiction');
    await expect(page.getByRole('heading', { level: 1, name: 'Tech Tales' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: TALE })).toBeVisible();
  });

  test('a story on a topic page links to its opening paragraph in the issue', async ({ page }) => {
    await page.goto('/topics/fiction');
    const link = page.getByRole('link', { name: TALE });
    await expect(link).toHaveAttribute('href', /^\/issues\/226#p-[0-9a-f]{6}/);
    await link.click();
    await expect(page).toHaveURL(/\/issues\/226#p-[0-9a-f]{6}/);
    const id = new URL(page.url()).hash.slice(1);
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  });

  test('"Search within this topic" opens the search filtered by the topic', async ({ page }) => {
    await page.goto('/topics/fiction');
    await page.getByRole('link', { name: 'Search within this topic' }).click();
    await expect(page).toHaveURL(/\/\?topic=fiction$/);
    await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('Topic: Tech Tales');
    // Every story listed is a Tech Tale.
    const stories = page.getByRole('list', { name: 'Results' }).getByRole('article');
    await expect(stories.first()).toBeVisible();
    for (const story of await stories.all()) await expect(story).toContainText('Tech Tales');
  });

  test('an unknown topic shows a 404 page with a search box', async ({ page }) => {
    const response = await page.goto('/topics/no-such-topic');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'That page isn’t in the archive' })).toBeVisible();
    await expect(searchBox(page)).toBeVisible();
  });
});
