import { expect, test, type Request } from '@playwright/test';
import { resultList, searchBox } from './support';

/** Upper bound on what typing one query may cost the server: the search itself and a few assets. */
const HANDFUL = 5;

test('typing a query sends at most a handful of requests (no prefetch of the links it shows)', async ({
  page,
  baseURL,
}) => {
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const sent: string[] = [];
  const count = (request: Request) => {
    if (request.url().startsWith(baseURL!))
      sent.push(`${request.method()} ${request.url().slice(baseURL!.length)}`);
  };
  page.on('request', count);
  await searchBox(page).pressSequentially('protein folding', { delay: 40 });
  await expect(page).toHaveURL(/q=protein\+folding/);
  await expect(resultList(page).getByRole('listitem').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Links that come into view later (scrolling) must not fetch either.
  await page.mouse.wheel(0, 4000);
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
  page.off('request', count);
  expect(sent.length, sent.join('\n')).toBeLessThanOrEqual(HANDFUL);
});
