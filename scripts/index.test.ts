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
      /catalogue: duplicate: good(-copy)?\.md is another copy of issue 901; kept the richer good(-copy)?\.md/,
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
