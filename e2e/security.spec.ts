import { expect, test } from '@playwright/test';

test('pages send a nonce-based Content-Security-Policy and the other security headers', async ({
  request,
}) => {
  const response = await request.get('/?q=alphafold');
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // A fresh nonce per request.
  const again = (await request.get('/?q=alphafold')).headers()['content-security-policy'];
  expect(again).not.toBe(csp);
});

test('the JSON API forbids framing and sniffing too', async ({ request }) => {
  const headers = (await request.get('/api/search?q=alphafold')).headers();
  expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('the page hydrates under its CSP without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/issues/226');
  await page.getByRole('link', { name: 'Copy link to this paragraph' }).first().focus();
  await expect(page.getByRole('link', { name: 'Copy link to this paragraph' }).first()).toBeFocused();
  await page.goto('/?q=alphafold');
  await page.getByLabel('Search every paragraph of Import AI').fill('trainium');
  await expect(page).toHaveURL(/q=trainium/);
  expect(violations).toEqual([]);
});
