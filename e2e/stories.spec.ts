import { expect, test, type APIRequestContext } from '@playwright/test';
import { ISSUE, resultList } from './support';

/** Results are stories: the contract of GET /api/search and the search page, through HTTP. */

interface MoreParagraph {
  id: string;
  url: string;
  snippet: string;
  text: string;
}

interface Result {
  id: string;
  url: string;
  issue: number;
  storyId: string;
  story: string;
  dek: string;
  text: string;
  snippet: string;
  more?: MoreParagraph[];
  moreCount?: number;
}

interface Body {
  total: number;
  stories: number;
  page: number;
  per: number;
  group: 'story' | 'paragraph';
  terms: string[];
  suggestion?: string;
  relaxed?: boolean;
  results: Result[];
}

async function searchApi(request: APIRequestContext, params: Record<string, string>): Promise<Body> {
  const response = await request.get('/api/search', { params });
  expect(response.status()).toBe(200);
  return (await response.json()) as Body;
}

/** Every result of a search, page by page. */
async function allResults(request: APIRequestContext, params: Record<string, string>): Promise<Result[]> {
  const out: Result[] = [];
  for (let page = 1; ; page++) {
    const body = await searchApi(request, { ...params, per: '100', page: String(page) });
    out.push(...body.results);
    if (out.length >= (params.group === 'paragraph' ? body.total : body.stories) || body.results.length === 0)
      return out;
  }
}

const storyKey = (r: Result) => `${r.issue}/${r.storyId}`;

test.describe('GET /api/search, stories as results', () => {
  test('gives one entry per story: its lead paragraph, up to two more, and how many beyond', async ({
    request,
  }) => {
    const body = await searchApi(request, { q: 'the', per: '50' });
    expect(body).toMatchObject({ group: 'story', terms: ['the'] });
    expect(body.stories).toBeGreaterThan(0);
    expect(body.total).toBeGreaterThanOrEqual(body.stories);
    expect(new Set(body.results.map(storyKey)).size).toBe(body.results.length);
    let paragraphs = 0;
    for (const result of body.results) {
      expect(result.more!.length).toBeLessThanOrEqual(2);
      expect(result.moreCount).toBeGreaterThanOrEqual(0);
      if (result.moreCount! > 0) expect(result.more).toHaveLength(2);
      for (const more of result.more!) {
        expect(more.url).toBe(`/issues/${result.issue}#${more.id}`);
        expect(more).toMatchObject({ snippet: expect.any(String), text: expect.any(String) });
        expect(more.id).not.toBe(result.id);
      }
      paragraphs += 1 + result.more!.length + result.moreCount!;
    }
    if (body.stories <= 50) expect(paragraphs).toBe(body.total);
  });

  test('with group=paragraph gives the flat list of the same matching paragraphs', async ({ request }) => {
    const stories = await searchApi(request, { q: 'alphafold' });
    const flat = await searchApi(request, { q: 'alphafold', group: 'paragraph', per: '100' });
    expect(flat).toMatchObject({ group: 'paragraph', total: stories.total, stories: stories.stories });
    expect(flat.results).toHaveLength(Math.min(flat.total, 100));
    for (const result of flat.results) expect(result).not.toHaveProperty('more');
    const leads = stories.results.map((r) => `${r.issue}/${r.id}`);
    const all = flat.results.map((r) => `${r.issue}/${r.id}`);
    for (const lead of leads) expect(all).toContain(lead);
  });

  test('pages count stories, and no story appears on two pages', async ({ request }) => {
    const whole = await searchApi(request, { q: 'the', per: '15' });
    const pages = [];
    for (const page of ['1', '2', '3'])
      pages.push(...(await searchApi(request, { q: 'the', per: '5', page })).results);
    expect(pages.map(storyKey)).toEqual(whole.results.map(storyKey));
    expect(new Set(pages.map(storyKey)).size).toBe(pages.length);
  });

  test('exports stay per paragraph', async ({ request }) => {
    const body = await searchApi(request, { q: 'alphafold' });
    const exported = await (
      await request.get('/api/search', { params: { q: 'alphafold', format: 'json' } })
    ).json();
    expect(exported.exported).toBe(Math.min(body.total, 1000));
  });
});

test.describe('the search page, stories as results', () => {
  test('shows one card per story, and "N more in this story" opens the issue with the query and its words', async ({
    page,
  }) => {
    await page.goto('/?q=the');
    const cards = resultList(page).getByRole('article');
    await expect(cards.first()).toBeVisible();
    const more = resultList(page)
      .getByRole('link', { name: /^\d+ more in this story$/ })
      .first();
    const href = (await more.getAttribute('href'))!;
    expect(href).toMatch(/^\/issues\/\d+\?q=the&terms=the#s-[0-9a-f]+/);
    await more.click();
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[?]/g, '\\?')}$`));
    await expect(page.locator('article p[id^="p-"] mark').first()).toBeVisible();
  });

  test('a result opens its paragraph marked, after client-side navigation too', async ({ page }) => {
    await page.goto('/?q=alphafold');
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const card = resultList(page)
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: `Import AI ${ISSUE}`, exact: true }) })
      .first();
    const snippet = card.getByRole('list').getByRole('link').first();
    const href = (await snippet.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/issues/${ISSUE}\\?q=alphafold&terms=alphafold#p-[0-9a-f]+`));
    await snippet.click();
    await expect(page).toHaveURL(new RegExp(`/issues/${ISSUE}\\?q=alphafold&terms=alphafold#p-`));
    // The page was reached without a full load, so :target cannot mark it.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    const paragraph = page.locator(`[id="${href.split('#')[1]}"]`);
    await expect(paragraph).toHaveAttribute('data-target', 'true');
    await expect(paragraph).toBeInViewport();
    await expect(paragraph.locator('mark').first()).toBeVisible();
  });

  test('the issue page marks the words the search matched, not the words typed', async ({ page }) => {
    await page.goto('/?q=protien');
    await expect(page.getByText('Did you mean')).toBeVisible();
    await resultList(page).getByRole('article').first().getByRole('heading').getByRole('link').click();
    await expect(page).toHaveURL(/\?q=protien&terms=protein#p-/);
    await expect(
      page
        .locator('article p[id^="p-"] mark')
        .filter({ hasText: /^proteins?$/i })
        .first(),
    ).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('story cards and their "N more in this story" links work', async ({ page }) => {
    await page.goto('/?q=the');
    const more = resultList(page)
      .getByRole('link', { name: /^\d+ more in this story$/ })
      .first();
    await more.click();
    await expect(page).toHaveURL(/\/issues\/\d+\?q=the&terms=the#s-/);
    await expect(page.locator('article p[id^="p-"] mark').first()).toBeVisible();
  });
});

test.describe('searches a new user tries (over the full archive)', () => {
  test.beforeEach(async ({ request }) => {
    const { archive } = (await (await request.get('/api/issues')).json()) as { archive: { sample: boolean } };
    test.skip(archive.sample, 'needs the full archive (npm run setup), not the one-issue sample');
  });

  test('`interpretability` lists the stories led by the exact word before those matching only its stem', async ({
    request,
  }) => {
    const results = await allResults(request, { q: 'interpretability' });
    const exact = results.map((r) => /(?<![a-z])interpretability(?![a-z])/i.test(r.text));
    expect(exact[0]).toBe(true);
    const firstStemOnly = exact.indexOf(false);
    if (firstStemOnly !== -1) expect(exact.slice(firstStemOnly)).not.toContain(true);
  });

  test('a quoted phrase is in every paragraph shown, or the headline holds it and the opening paragraph leads', async ({
    request,
  }) => {
    const phrase = /recursive(?:ly)? self[-\s]improv/i;
    for (const result of await allResults(request, { q: '"recursive self-improvement"' })) {
      for (const more of result.more!) expect(more.text).toMatch(phrase);
      if (phrase.test(result.text)) continue;
      expect(`${result.story} ${result.dek}`).toMatch(phrase);
      const issue = await (await request.get(`/api/issues/${result.issue}`)).json();
      const story = issue.stories.find((s: { id: string }) => s.id === result.storyId);
      expect(result.id).toBe(story.paragraphs[0].id);
    }
  });

  test('`interpretab` is completed to the words it begins, not corrected', async ({ request }) => {
    const body = await searchApi(request, { q: 'interpretab' });
    expect(body.suggestion).toBeUndefined();
    expect(body.terms).toContain('interpretability');
    expect(body.results[0]!.text).toMatch(/interpretab/i);
  });

  test('a pasted arXiv URL finds what its bare id finds', async ({ request }) => {
    const byId = await searchApi(request, { q: '2304.05332' });
    const byUrl = await searchApi(request, { q: 'https://arxiv.org/abs/2304.05332' });
    expect(byId.total).toBeGreaterThan(0);
    expect(byUrl.results.map((r) => r.id)).toEqual(byId.results.map((r) => r.id));
    expect(byUrl.total).toBe(byId.total);
  });

  test('"did you mean" rewrites the word it corrected, not the same letters in a filter', async ({
    request,
  }) => {
    expect((await searchApi(request, { q: 'link:traning traning' })).suggestion).toBe(
      'link:traning training',
    );
  });

  test('`protien` searches, and marks, "protein"', async ({ request }) => {
    const body = await searchApi(request, { q: 'protien' });
    expect(body).toMatchObject({ suggestion: 'protein', terms: ['protein'] });
    expect(body.results[0]!.snippet).toMatch(/<mark>proteins?<\/mark>/i);
  });
});
