import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCurrentBuild } from '../lib/store/artefacts';

const ROOT = path.resolve(import.meta.dirname, '..');

function runIndex(catalogueDir: string, indexDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, CATALOGUE_DIR: catalogueDir, INDEX_DIR: indexDir },
    encoding: 'utf8',
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const GOOD_MARKDOWN = `---
title: "Import AI 901: Kettles that learn"
date: ""
---

**A kettle learns when to boil:**  
_…Domestic AI, one cup at a time…_  
Researchers taught a kettle to predict breakfast.  
`;

const HOSTILE_HTML = `<!doctype html><html><head><title>Import AI 902: Safe teapots</title>
<script>window.stolen = document.cookie</script><style>body{display:none}</style></head>
<body><article><h1>Import AI 902: Safe teapots</h1>
<p><strong>Teapots &amp; tea &lt;cups&gt;:</strong></p><p><em>…A very safe story…</em></p>
<p onclick="alert(1)">A teapot that pours <a href="javascript:alert(1)">itself</a> &amp; &lt;b&gt;more&lt;/b&gt; and cites <a href="https://arxiv.org/abs/1234.5678">a paper</a>.</p>
<script>alert("inline")</script></article></body></html>`;

describe('npm run index over a malformed archive', () => {
  let root: string;
  let catalogueDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'index-cli-'));
    catalogueDir = path.join(root, 'issues');
    await mkdir(catalogueDir);
    await cp(
      path.join(ROOT, 'data/issues/import-ai-226.mailchimp.txt'),
      path.join(catalogueDir, 'import-ai-226.txt'),
    );
    await writeFile(path.join(catalogueDir, 'good.md'), GOOD_MARKDOWN);
    await writeFile(
      path.join(catalogueDir, 'good-copy.md'),
      GOOD_MARKDOWN.replace('one cup at a time', 'a cup'),
    );
    await writeFile(path.join(catalogueDir, 'teapots.html'), HOSTILE_HTML);
    await writeFile(path.join(catalogueDir, 'empty.md'), '');
    await writeFile(
      path.join(catalogueDir, 'binary.md'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    );
    await writeFile(
      path.join(catalogueDir, 'broken-front-matter.md'),
      '---\ntitle: "Import AI 903: unterminated\n---\nText.\n',
    );
    await writeFile(
      path.join(catalogueDir, 'no-number.md'),
      '---\ntitle: "A newsletter about kettles"\n---\n\nSome text.\n',
    );
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('names every rejected file with its reason and exits non-zero', () => {
    const { code, out } = runIndex(catalogueDir, path.join(root, 'strict'));
    expect(code).toBe(1);
    expect(out).toContain('catalogue: rejected: empty.md: empty file');
    expect(out).toContain('catalogue: rejected: binary.md: not a text file (binary content: NUL bytes)');
    expect(out).toMatch(/catalogue: rejected: broken-front-matter\.md: broken front matter: /);
    expect(out).toContain(
      'catalogue: rejected: no-number.md: no issue number in title "A newsletter about kettles"',
    );
    expect(out).toMatch(
      /catalogue: duplicate: good-copy\.md is another copy of issue 901; kept good\.md \(as rich/,
    );
    expect(out).toContain('catalogue: took 3, rejected 4, set aside 1 duplicate');
    expect(out).toContain('index: 4 file(s) rejected');
  });

  it('still writes every good issue, sanitised, even when it exits non-zero', async () => {
    const indexDir = path.join(root, 'strict-again');
    runIndex(catalogueDir, indexDir);
    const catalogue = await readFile(
      path.join(await resolveCurrentBuild(indexDir), 'catalogue.json'),
      'utf8',
    );
    const { issues } = JSON.parse(catalogue) as {
      issues: { number: number; stories: { title: string; paragraphs: { html: string }[] }[] }[];
    };
    expect(issues.map((i) => i.number)).toEqual([226, 901, 902]);
    expect(catalogue).not.toMatch(/<script|stolen|onclick|javascript:|display:none/i);
    const story = issues.find((i) => i.number === 902)!.stories[0]!;
    // Titles are plain text (escaped when rendered); paragraph HTML is escaped text plus safe tags.
    expect(story.title).toBe('Teapots & tea <cups>');
    expect(story.paragraphs[0]!.html).toBe(
      'A teapot that pours itself &amp; &lt;b&gt;more&lt;/b&gt; and cites <a href="https://arxiv.org/abs/1234.5678">a paper</a>.',
    );
  });

  it('exits zero with --keep-going', () => {
    const { code, out } = runIndex(catalogueDir, path.join(root, 'lenient'), '--keep-going');
    expect(code).toBe(0);
    expect(out).toContain('catalogue: took 3, rejected 4, set aside 1 duplicate');
  });

  it('refuses an unknown argument with its usage', () => {
    const { code, out } = runIndex(catalogueDir, path.join(root, 'x'), '--fast');
    expect(code).toBe(2);
    expect(out).toContain('index: unknown argument --fast');
  });
});

/** An invented issue in the Substack export's shape, with the given paragraphs under one headline. */
function inventedIssue(number: number, paragraphs: readonly string[]): string {
  return `---
title: "Import AI ${number}: Kettles, teapots and other appliances"
date: ""
---

**An appliance lab publishes its notebook:**  
_…Every entry of a made-up research diary…_  
${paragraphs.join('  \n')}
`;
}

/** `count` distinct invented words ("bakodu", "bakofa", …) that the stemmer leaves distinct. */
function inventedWords(count: number): string[] {
  const syllables = ['ba', 'do', 'fu', 'ka', 'lo', 'mu', 'na', 'po', 'ru', 'sa', 'to', 'vu', 'za'];
  const words: string[] = [];
  for (let i = 0; words.length < count; i++) {
    let word = 'k';
    for (let n = i; word.length < 8; n = Math.floor(n / syllables.length))
      word += syllables[n % syllables.length];
    words.push(word);
  }
  return words;
}

describe('npm run index: build limits, names and the parse cache', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'index-cli-limits-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function freshCatalogue(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(root, 'issues-'));
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
    return dir;
  }

  it('rejects an issue with more distinct words than the limit, naming the file and the limit', async () => {
    const words = inventedWords(12_000);
    const paragraphs = Array.from(
      { length: 200 },
      (_, i) => `${words.slice(i * 60, i * 60 + 60).join(' ')}.`,
    );
    const dir = await freshCatalogue({
      'import-ai-905.md': inventedIssue(905, paragraphs),
      'import-ai-901.md': GOOD_MARKDOWN,
    });
    const { code, out } = runIndex(dir, path.join(root, 'terms'));
    expect(code).toBe(1);
    expect(out).toMatch(
      /catalogue: rejected: import-ai-905\.md: too many distinct words for one issue \(12,\d{3}; the limit is 10,000\)/,
    );
    expect(out).toContain('catalogue: took 1, rejected 1');
  });

  it('rejects an issue too large to serve as one page, naming the file and the limit', async () => {
    const paragraphs = Array.from(
      { length: 1_500 },
      (_, i) =>
        `Entry ${i}: the kettle boiled at dawn again, and the teapot logged how long it took to pour.`,
    );
    const dir = await freshCatalogue({ 'import-ai-906.md': inventedIssue(906, paragraphs) });
    const { code, out } = runIndex(dir, path.join(root, 'size'));
    expect(code).toBe(1);
    expect(out).toMatch(
      /catalogue: rejected: import-ai-906\.md: too large to serve as one page \(\d{3} KB as served; the limit is 256 KB\)/,
    );
  });

  it('prints file names escaped, so a name cannot forge a summary line or colour the terminal', async () => {
    const dir = await freshCatalogue({
      'import-ai-901.md\ncatalogue: took 99, rejected 0, set aside 0 duplicates\n.md': GOOD_MARKDOWN,
      '\u001b[31mred\u001b[0m.md': '---\ntitle: "A newsletter about kettles"\n---\n\nSome text.\n',
    });
    const { out } = runIndex(dir, path.join(root, 'names'));
    expect(out.split('\n').filter((line) => line.startsWith('catalogue: took'))).toEqual([
      'catalogue: took 1, rejected 1, set aside 0 duplicates',
    ]);
    expect(out).toContain('import-ai-901.md\\ncatalogue: took 99, rejected 0, set aside 0 duplicates\\n.md');
    expect(out).toContain('catalogue: rejected: \\u001b[31mred\\u001b[0m.md: no issue number in title');
    expect(out).not.toContain('\u001b');
  });

  it('keeps the canonically named file of two identical copies', async () => {
    const dir = await freshCatalogue({
      'import-ai-901.md': GOOD_MARKDOWN,
      'import-ai-901 (copy).md': GOOD_MARKDOWN,
    });
    const indexDir = path.join(root, 'tie');
    const { out } = runIndex(dir, indexDir);
    expect(out).toContain(
      'catalogue: duplicate: import-ai-901 (copy).md is another copy of issue 901; kept import-ai-901.md (as rich; the file named as the archive names issues wins)',
    );
    const catalogue = JSON.parse(
      await readFile(path.join(await resolveCurrentBuild(indexDir), 'catalogue.json'), 'utf8'),
    ) as { issues: { source: { file: string } }[] };
    expect(catalogue.issues.map((i) => i.source.file)).toEqual(['import-ai-901.md']);
  });

  describe('when a parse-cache entry is replaced by a wrong-shaped object', () => {
    let dir: string;
    let indexDir: string;
    let cacheFile: string;

    async function poison(): Promise<string> {
      const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { entries: Record<string, unknown> };
      const [hash] = Object.keys(cache.entries);
      cache.entries[hash!] = { number: 'nine hundred', stories: 'none' };
      await writeFile(cacheFile, JSON.stringify(cache));
      return hash!;
    }

    beforeAll(async () => {
      dir = await freshCatalogue({
        'import-ai-901.md': GOOD_MARKDOWN,
        'import-ai-905.md': inventedIssue(905, ['The kettle boiled before anyone asked it to.']),
      });
      indexDir = path.join(root, 'cache');
      cacheFile = path.join(indexDir, 'cache', 'parse-cache.json');
      expect(runIndex(dir, indexDir).code).toBe(0);
    });

    it('an incremental build parses that file again instead of failing', async () => {
      await poison();
      const { code, out } = runIndex(dir, indexDir);
      expect(code, out).toBe(0);
      expect(out).toContain('catalogue: took 2, rejected 0');
      expect(out).toContain('reused 1 unchanged');
    });

    it('a --full build rewrites the cache', async () => {
      const hash = await poison();
      const { code } = runIndex(dir, indexDir, '--full');
      expect(code).toBe(0);
      const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as {
        entries: Record<string, { number: unknown; stories: unknown }>;
      };
      expect(Object.keys(cache.entries)).toHaveLength(2);
      expect(cache.entries[hash]).toMatchObject({ number: expect.any(Number), stories: expect.any(Array) });
    });
  });
});
