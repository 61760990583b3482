import { expect, test } from '@playwright/test';

test('the issues API lists issue 226 with its title and an ISO date', async ({ request }) => {
  const response = await request.get('/api/issues');
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { issues: { number: number; title: string; date: string }[] };
  const issue = body.issues.find((i) => i.number === 226);
  expect(issue?.title).toContain('AlphaFold');
  expect(issue?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('an unknown issue is a JSON 404 in the shared error shape', async ({ request }) => {
  const response = await request.get('/api/issues/99999');
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ ok: false, status: 404, error: expect.stringContaining('99999') });
});
