import { expect, test } from '@playwright/test';
import { expectApiError as expectError } from './support';

/** The JSON API's contract, through HTTP: the shapes a client may rely on and the one error shape. */

const facetValue = {
  value: expect.any(String),
  label: expect.any(String),
  count: expect.any(Number),
  selected: expect.any(Boolean),
};

test.describe('GET /api/search', () => {
  test('answers ?q=alphafold with the query, totals, facets and results', async ({ request }) => {
    const response = await request.get('/api/search?q=alphafold');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      query: 'alphafold',
      total: expect.any(Number),
      page: 1,
      per: 20,
      facets: { topic: expect.any(Array), year: expect.any(Array) },
      results: expect.any(Array),
    });
    expect(body.total).toBeGreaterThanOrEqual(body.results.length);
    for (const value of [...body.facets.topic, ...body.facets.year]) expect(value).toEqual(facetValue);
    expect(body.facets.year).toContainEqual({
      value: '2020',
      label: '2020',
      count: expect.any(Number),
      selected: false,
    });
    for (const result of body.results) {
      expect(result).toMatchObject({
        id: expect.stringMatching(/^p-[0-9a-f]{6}/),
        url: expect.stringMatching(/^\/issues\/\d+#p-[0-9a-f]{6}/),
        issue: expect.any(Number),
        issueTitle: expect.any(String),
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        story: expect.any(String),
        topics: expect.any(Array),
        snippet: expect.any(String),
        text: expect.any(String),
      });
      expect(result.url).toBe(`/issues/${result.issue}#${result.id}`);
    }
    const first226 = body.results.find((r: { issue: number }) => r.issue === 226);
    expect(first226).toMatchObject({
      url: expect.stringMatching(/^\/issues\/226#p-[0-9a-f]{6}$/),
      issueTitle: 'Import AI 226: AlphaFold; a Chinese GPT2; Google fires Timnit Gebru',
      story: 'DeepMind cracks the protein folding problem',
    });
    expect(first226.snippet).toContain('<mark>AlphaFold</mark>');
  });

  for (const [group, count] of [
    ['story', 'stories'],
    ['paragraph', 'total'],
  ] as const) {
    test(`facet counts match the ${count} the same filters give, with group=${group}`, async ({
      request,
    }) => {
      const body = await (await request.get(`/api/search?q=ai&group=${group}`)).json();
      const policy = body.facets.topic.find((v: { value: string }) => v.value === 'policy');
      expect(policy.count).toBeGreaterThan(0);
      const filtered = await (await request.get(`/api/search?q=ai&topic=policy&group=${group}`)).json();
      expect(filtered[count]).toBe(policy.count);
      expect(filtered.facets.topic.find((v: { value: string }) => v.value === 'policy').selected).toBe(true);
      for (const result of filtered.results) expect(result.topics).toContain('policy');
    });
  }

  test('paging returns the next slice of the same result set', async ({ request }) => {
    const all = await (await request.get('/api/search?q=the&year=2020&per=10')).json();
    const second = await (await request.get('/api/search?q=the&year=2020&per=5&page=2')).json();
    expect(second).toMatchObject({ page: 2, per: 5, total: all.total, stories: all.stories });
    expect(second.results.map((r: { id: string }) => r.id)).toEqual(
      all.results.slice(5, 10).map((r: { id: string }) => r.id),
    );
  });

  test('a page past the last result is empty and still states the total', async ({ request }) => {
    const response = await request.get('/api/search?q=alphafold&page=1000');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.results).toEqual([]);
    expect(body.total).toBeGreaterThan(0);
  });

  test('?q=alphafodl carries a suggestion', async ({ request }) => {
    const body = await (await request.get('/api/search?q=alphafodl')).json();
    expect(body.suggestion).toBe('alphafold');
  });

  test('format=csv returns CSV with a header row and a permanent link on every row', async ({ request }) => {
    const response = await request.get('/api/search?q=alphafold&format=csv');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    expect(response.headers()['content-disposition']).toMatch(/attachment; filename="import-ai-search\.csv"/);
    const [header, ...rows] = (await response.text()).trimEnd().split('\r\n');
    expect(header).toBe('issue,date,issue_title,story,topics,link,text');
    const json = await (await request.get('/api/search?q=alphafold')).json();
    expect(rows).toHaveLength(json.total);
    for (const row of rows) expect(row).toMatch(/,https?:\/\/[^,/]+\/issues\/\d+#p-[0-9a-f]{6},/);
    expect(rows.some((row) => /\/issues\/226#p-[0-9a-f]{6},/.test(row))).toBe(true);
  });
  test('exported permanent links use the origin the client asked for', async ({ request, baseURL }) => {
    const csv = await (await request.get('/api/search?q=alphafold&format=csv')).text();
    expect(csv).toContain(`,${baseURL}/issues/226#p-`);
  });

  test('format=md and format=json download the result set too', async ({ request }) => {
    const md = await request.get('/api/search?q=alphafold&format=md');
    expect(md.headers()['content-type']).toMatch(/^text\/markdown/);
    expect(await md.text()).toMatch(/\[permanent link\]\(https?:\/\/[^)]+\/issues\/226#p-[0-9a-f]{6}\)/);
    const json = await request.get('/api/search?q=alphafold&format=json');
    expect(await json.json()).toMatchObject({ query: 'alphafold', exported: expect.any(Number) });
  });

  for (const [what, query, message] of [
    ['an unknown sort', 'q=ai&sort=best', 'sort: "best" is not one of relevance, newest, oldest'],
    ['page=0', 'q=ai&page=0', 'page: must be between 1 and 1000 (got 0)'],
    ['per=101', 'q=ai&per=101', 'per: must be between 1 and 100 (got 101)'],
    ['year=20x', 'q=ai&year=20x', 'year: "20x" is not a year (2023) or a range (2019..2021)'],
    [
      'a q longer than 512 characters',
      `q=${'a'.repeat(513)}`,
      'q: the query is 513 characters; the limit is 512',
    ],
    ['sort given twice', 'q=ai&sort=newest&sort=oldest', 'sort: give it once'],
    ['an unknown export format', 'q=ai&format=xml', 'format: "xml" is not one of csv, md, json'],
  ] as const) {
    test(`refuses ${what} with a 400 in the shared error shape`, async ({ request }) => {
      await expectError(await request.get(`/api/search?${query}`), 400, message);
    });
  }

  test('an unknown topic is not an error: it matches nothing and stays selected', async ({ request }) => {
    const response = await request.get('/api/search?q=ai&topic=nonsense');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(0);
    expect(body.facets.topic).toContainEqual(expect.objectContaining({ value: 'nonsense', selected: true }));
  });
});

test.describe('GET /api/issues and /api/topics', () => {
  test('/api/issues/226 returns the issue with its stories and paragraph permanent links', async ({
    request,
  }) => {
    const response = await request.get('/api/issues/226');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      number: 226,
      title: expect.stringContaining('AlphaFold'),
      stories: expect.any(Array),
    });
    const paragraphs = body.stories.flatMap((s: { paragraphs: unknown[] }) => s.paragraphs);
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const p of paragraphs)
      expect(p).toMatchObject({ id: expect.stringMatching(/^p-/), url: `/issues/226#${p.id}` });
  });

  test('an unknown issue is a 404 in the shared error shape', async ({ request }) => {
    await expectError(await request.get('/api/issues/99999'), 404, /99999/);
  });

  test('/api/topics lists the topics with their story counts', async ({ request }) => {
    const body = await (await request.get('/api/topics')).json();
    expect(body.topics).toContainEqual(
      expect.objectContaining({ slug: 'fiction', label: 'Tech Tales', stories: expect.any(Number) }),
    );
  });

  test('/api/topics/fiction lists "Player Piano After The Goldrush" with its permanent link', async ({
    request,
  }) => {
    const body = await (await request.get('/api/topics/fiction')).json();
    expect(body).toMatchObject({ slug: 'fiction', label: 'Tech Tales' });
    expect(body.stories).toContainEqual(
      expect.objectContaining({
        issue: 226,
        title: 'Player Piano After The Goldrush',
        url: expect.stringMatching(/^\/issues\/226#p-[0-9a-f]{6}$/),
      }),
    );
  });

  test('an unknown topic is a 404 in the shared error shape', async ({ request }) => {
    await expectError(await request.get('/api/topics/no-such-topic'), 404, /no-such-topic/);
  });
});

const HOSTILE: [string, string][] = [
  ['a script tag', '<script>alert(1)</script>'],
  ['an attribute breakout with an image', '"><img src=x onerror=alert(1)>'],
  ['an unbalanced quote', '"alphafold protein'],
  ['a lone quote', '"'],
  ['a lone minus', '-'],
  ['a lone OR', 'OR'],
  ['OR at both ends', 'OR alphafold OR'],
  ['a lone topic:', 'topic:'],
  ['an empty year range', 'year:..'],
  ['an impossible year range', 'year:2030..2010'],
  ['an exclusion of everything', '-alphafold -the -a'],
  ['a regex metacharacter soup', '.*+?^${}()|[]\\'],
  ['10,000 characters', 'alphafold '.repeat(1000)],
  ['emoji', '🤖 alphafold 👩🏽‍🔬'],
  ['right-to-left marks', '\u202Ealphafold\u200F \u05d0\u05dc\u05e4\u05d0'],
  ['control characters', 'alpha\u0000fold\u0007\u001b[31m'],
  ['a lone surrogate', 'alpha\ud800fold'],
  ['combining marks', 'a\u0301\u0301\u0301lphafold'],
];

test.describe('hostile queries', () => {
  for (const [what, q] of HOSTILE) {
    test(`${what} never gives a 5xx from the API: 200 or a 400 error`, async ({ request }) => {
      const response = await request.get('/api/search', { params: { q } });
      expect([200, 400]).toContain(response.status());
      const body = await response.json();
      if (response.status() === 400)
        expect(body).toEqual({ ok: false, status: 400, error: expect.any(String) });
      else expect(body).toMatchObject({ total: expect.any(Number), results: expect.any(Array) });
    });

    test(`${what} on the search page injects no markup`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const response = await page.goto(`/?${new URLSearchParams({ q })}`);
      expect(response?.status()).toBeLessThan(500);
      await expect(page.getByRole('searchbox')).toBeVisible();
      expect(await page.locator('img[onerror], img[src="x"]').count()).toBe(0);
      const injectedScripts = await page.evaluate(
        () =>
          [...document.querySelectorAll('script')].filter((s) =>
            /^\s*alert\(1\)\s*$/.test(s.textContent ?? ''),
          ).length,
      );
      expect(injectedScripts).toBe(0);
      expect(await page.locator('main mark img, main mark script').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });
  }

  for (const raw of ['%FF', '%ED%A0%80', '%', '%E0%A4%A', '%00']) {
    test(`the raw query string q=${raw} never gives a 5xx from the API or the page`, async ({ request }) => {
      const api = await request.get(`/api/search?q=${raw}`);
      expect([200, 400]).toContain(api.status());
      expect(api.headers()['content-type']).toMatch(/^application\/json/);
      const page = await request.get(`/?q=${raw}`);
      expect(page.status()).toBeLessThan(500);
    });
  }

  test('a hostile ?q= on an issue page injects no markup', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/issues/226?${new URLSearchParams({ q: '"><img src=x onerror=alert(1)> alphafold' })}`);
    await expect(page.locator('article mark').first()).toBeVisible();
    expect(await page.locator('img[onerror]').count()).toBe(0);
    await expect(page.getByRole('link', { name: /^Back to results for/ })).toContainText(
      '<img src=x onerror=alert(1)>',
    );
    expect(dialogs).toEqual([]);
  });
});
