import { expect, test, type APIResponse } from '@playwright/test';
import { expectApiError } from './support';

/**
 * Odd requests, through HTTP against the production server (`npm start`): each gets a clean 4xx in
 * the right shape, with the security headers, and never a 500.
 */

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

async function expectRefusal(response: APIResponse, status: number, message: string | RegExp) {
  await expectApiError(response, status, message);
  expectSecurityHeaders(response);
}

test.describe('bad percent-encoding in a path', () => {
  for (const path of ['/issues/%ff', '/issues/%', '/topics/%E0%A4%A', '/issues/226/%ED%A0%80']) {
    test(`${path} is a 400 with the security headers`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expect(await response.text()).toContain(`path: "${path}" is not valid percent-encoded UTF-8`);
      expectSecurityHeaders(response);
    });
  }

  test('/api/issues/%ff is a 400 in the API error shape', async ({ request }) => {
    await expectRefusal(
      await request.get('/api/issues/%ff'),
      400,
      'path: "/api/issues/%ff" is not valid percent-encoded UTF-8',
    );
  });
});

test.describe('methods', () => {
  test('TRACE is a 405 naming the methods allowed, with the security headers', async ({ request }) => {
    const response = await request.fetch('/', { method: 'TRACE' });
    expect(response.status()).toBe(405);
    expect(response.headers()['allow']).toBe('GET, HEAD, OPTIONS');
    expectSecurityHeaders(response);
  });

  test('POST /api/issues is a 405 with Allow and a JSON body', async ({ request }) => {
    const response = await request.post('/api/issues', { data: {} });
    await expectRefusal(response, 405, 'method: POST is not allowed; use GET or HEAD');
    expect(response.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  });

  test('OPTIONS says which methods the site answers', async ({ request }) => {
    const response = await request.fetch('/api/search', { method: 'OPTIONS' });
    expect(response.status()).toBe(204);
    expect(response.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  });
});

test.describe('the API error contract', () => {
  for (const path of ['/api/nonexistent', '/api/%73earch', '/api/issues/226/extra']) {
    test(`${path} is a JSON 404, not the HTML page`, async ({ request }) => {
      await expectRefusal(await request.get(path), 404, /^no API endpoint /);
    });
  }

  test('format given twice is refused as "give it once"', async ({ request }) => {
    await expectRefusal(
      await request.get('/api/search?q=alphafold&format=csv&format=csv'),
      400,
      'format: give it once',
    );
  });
});

test.describe('the origin of absolute links', () => {
  for (const host of ['a:99999', '1.2.3.256', '[1.2.3.4]']) {
    test(`Host: ${host} falls back to SITE_URL: exports work and pages keep their metadata`, async ({
      request,
    }) => {
      const csv = await request.get('/api/search?q=alphafold&format=csv', { headers: { Host: host } });
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toMatch(/,http:\/\/localhost:3000\/issues\/226#p-/);

      const page = await request.get('/issues/226', { headers: { Host: host } });
      expect(page.status()).toBe(200);
      const html = await page.text();
      expect(html).toMatch(/<title>Import AI 226: [^<]+<\/title>/);
      expect(html).toMatch(/<meta name="description" content="[^"]+"/);
      expect(html).toContain('<link rel="canonical" href="http://localhost:3000/issues/226"/>');
      expect(html).toContain('<meta property="og:url" content="http://localhost:3000/issues/226"/>');
    });
  }

  test('X-Forwarded-Host is not trusted unless TRUST_PROXY=1', async ({ request, baseURL }) => {
    const headers = { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };
    const html = await (await request.get('/issues/226', { headers })).text();
    expect(html).toContain(`<link rel="canonical" href="${baseURL}/issues/226"/>`);
    expect(html).not.toContain('evil.example');
    const csv = await (await request.get('/api/search?q=alphafold&format=csv', { headers })).text();
    expect(csv).toContain(`,${baseURL}/issues/226#p-`);
    expect(csv).not.toContain('evil.example');
  });
});

test('the Markdown export keeps the query on its heading line, as code', async ({ request }) => {
  const q = 'alphafold\n---\n<http://evil.example> [x](http://evil.example)';
  const response = await request.get('/api/search', { params: { q, format: 'md' } });
  expect(response.status()).toBe(200);
  const [heading, blank] = (await response.text()).split('\n');
  expect(heading).toBe(
    '# Import AI search: ` alphafold --- <http://evil.example> [x](http://evil.example) `',
  );
  expect(blank).toBe('');
});
