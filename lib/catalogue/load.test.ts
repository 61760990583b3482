import { chmod, mkdir, mkdtemp, readlink, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildArtefacts } from '../store/build';
import { readStore } from '../store/store';
import { SearchEngine } from '../search/engine';
import { DEFAULT_SEARCH_REQUEST } from '../search/types';
import { buildCatalogue, CatalogueError, loadCatalogue, MAX_ISSUE_BYTES, type Catalogue } from './index';
import { summariseCatalogue } from './summary';

const RICH_901 = [
  '---',
  'title: "Import AI 901: Kettle benchmarks; a robot that folds cranes"',
  'date: ""',
  '---',
  '',
  '**Robots race to boil a kettle:**  ',
  '_…A household benchmark…_  ',
  'A made-up lab timed household robots boiling water; the fastest took four minutes.  ',
  '**Read more:** [The Kettle Benchmark (arXiv)](https://arxiv.org/abs/3101.00001).',
  '',
  '####################################################',
  '',
  '**A robot folds paper cranes:**  ',
  '_…Dexterity, one crease at a time…_  ',
  'An invented robot folded a thousand paper cranes without tearing one.  ',
  '**Read more:** [Crane Folding (GitHub)](https://github.com/example/cranes).',
  '',
].join('\n');

/** The same issue captured from the web page: no links and no markup, so the poorer copy. */
const POOR_901 = `---
title: "Import AI 901: Kettle benchmarks; a robot that folds cranes"
---

# Import AI 901: Kettle benchmarks; a robot that folds cranes

Robots race to boil a kettle:
…A household benchmark…
A made-up lab timed household robots boiling water; the fastest took four minutes.
***
A robot folds paper cranes:
…Dexterity, one crease at a time…
An invented robot folded a thousand paper cranes without tearing one.
`;

const MAILCHIMP_902 = `Import AI 902: Moss rovers

View this email in your browser

Moss-growing rovers:
...Tiny vision models tend a garden...
Imaginary rovers water moss only when a vision model smaller than a postcard says it looks dry.
Read more: Rovers for Moss (arXiv).

###################################################

Thanks for reading.

Email Marketing Powered by Mailchimp
`;

const NO_NUMBER = `---
title: "A newsletter about kettles"
---

**Kettles:**  
_…A dek…_  
Some words about kettles, and more words.
`;

let dir: string;
let catalogue: Catalogue;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'import-ai-catalogue-'));
  const write = (name: string, content: string | Buffer) => writeFile(path.join(dir, name), content);
  await write('import-ai-901.capture.md', POOR_901);
  await write('import-ai-901.md', RICH_901);
  await write('import-ai-902.txt', MAILCHIMP_902);
  await write('empty.md', '');
  await write('binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  await write('no-number.md', NO_NUMBER);
  await write(
    'unclosed-front-matter.md',
    '---\ntitle: "Import AI 903: Unclosed"\n\n**A headline:** words.\n',
  );
  await write('bad-yaml.md', '---\ntitle: "Import AI 904: Missing quote\n---\n\n**A headline:** words.\n');
  // Sparse: the size is what counts, and it is written instantly.
  await write('huge.md', '');
  await truncate(path.join(dir, 'huge.md'), 6 * 1024 * 1024);
  // Unreadable even as root (where chmod 000 does not stop reads): a link to nothing.
  await symlink(path.join(dir, 'deleted.md'), path.join(dir, 'dangling.md'));
  await mkdir(path.join(dir, 'folder.md'));
  await write('.hidden.md', RICH_901);
  await write('SOURCES.tsv', 'file\tissue_number\nimport-ai-901.md\t901\n');
  catalogue = await loadCatalogue(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadCatalogue', () => {
  describe('when the folder holds bad files among good ones', () => {
    it('still builds every good issue', () => {
      expect(catalogue.issues.map((i) => [i.number, i.source.file])).toEqual([
        [901, 'import-ai-901.md'],
        [902, 'import-ai-902.txt'],
      ]);
      expect(catalogue.report.accepted).toEqual([
        { file: 'import-ai-901.md', number: 901, format: 'substack-markdown' },
        { file: 'import-ai-902.txt', number: 902, format: 'mailchimp-text' },
      ]);
    });

    it('rejects each bad file once, with its reason', () => {
      const rejected = [...catalogue.report.rejected].sort((a, b) => a.file.localeCompare(b.file));
      expect(rejected).toEqual([
        { file: 'bad-yaml.md', reason: 'broken front matter: Missing closing "quote' },
        { file: 'binary.md', reason: 'not a text file (binary content: NUL bytes)' },
        { file: 'dangling.md', reason: 'cannot read: no such file or folder' },
        { file: 'empty.md', reason: 'empty file' },
        { file: 'folder.md', reason: 'not a file (a folder or a device)' },
        { file: 'huge.md', reason: 'file too large (6 MB; the limit is 5 MB)' },
        { file: 'no-number.md', reason: 'no issue number in title "A newsletter about kettles"' },
        {
          file: 'unclosed-front-matter.md',
          reason: 'broken front matter: the opening "---" is never closed',
        },
      ]);
    });

    it('sets aside the poorer copy of a duplicated issue without rejecting it', () => {
      expect(catalogue.report.duplicates).toEqual([
        { file: 'import-ai-901.capture.md', number: 901, kept: 'import-ai-901.md', reason: 'richer' },
      ]);
      expect(catalogue.report.rejected.map((r) => r.file)).not.toContain('import-ai-901.capture.md');
    });

    it('leaves non-issue files and hidden files alone, and says so', () => {
      expect([...catalogue.report.ignored].sort()).toEqual(['.hidden.md', 'SOURCES.tsv']);
    });

    it('counts every issue file it tried to read', () => {
      expect(catalogue.report.files).toBe(11);
      const { accepted, rejected, duplicates } = catalogue.report;
      expect(accepted.length + rejected.length + duplicates.length).toBe(11);
    });
  });

  describe('when a file cannot be read for lack of permission', () => {
    const isRoot = process.getuid?.() === 0;
    let lockedDir: string;

    afterEach(async () => {
      if (lockedDir) await rm(lockedDir, { recursive: true, force: true });
    });

    // Root reads a chmod 000 file regardless, so there is nothing to test there; the dangling
    // link above covers the same "cannot read" path on every machine.
    it.skipIf(isRoot)('rejects it as unreadable', async () => {
      lockedDir = await mkdtemp(path.join(os.tmpdir(), 'import-ai-locked-'));
      await writeFile(path.join(lockedDir, 'import-ai-901.md'), RICH_901);
      await writeFile(path.join(lockedDir, 'locked.md'), RICH_901);
      await chmod(path.join(lockedDir, 'locked.md'), 0o000);
      const { issues, report } = await loadCatalogue(lockedDir);
      expect(report.rejected).toEqual([{ file: 'locked.md', reason: 'cannot read: permission denied' }]);
      expect(issues.map((i) => i.number)).toEqual([901]);
    });
  });

  describe('when the folder does not exist', () => {
    it('throws a CatalogueError naming the folder', async () => {
      const missing = path.join(dir, 'no-such-folder');
      await expect(loadCatalogue(missing)).rejects.toThrow(CatalogueError);
      await expect(loadCatalogue(missing)).rejects.toThrow(
        `catalogue: cannot read folder ${missing}: no such file or folder`,
      );
    });
  });

  describe('when a file is exactly at the size limit', () => {
    it('reads it and judges it on its content', async () => {
      const limitDir = await mkdtemp(path.join(os.tmpdir(), 'import-ai-limit-'));
      try {
        await writeFile(path.join(limitDir, 'at-limit.md'), '');
        await truncate(path.join(limitDir, 'at-limit.md'), MAX_ISSUE_BYTES);
        const { report } = await loadCatalogue(limitDir);
        expect(report.rejected).toEqual([
          { file: 'at-limit.md', reason: 'not a text file (binary content: NUL bytes)' },
        ]);
      } finally {
        await rm(limitDir, { recursive: true, force: true });
      }
    });
  });
});

describe('buildCatalogue', () => {
  describe('when two copies of one issue arrive', () => {
    const rich = { name: 'import-ai-901.md', content: Buffer.from(RICH_901) };
    const poor = { name: 'import-ai-901.capture.md', content: Buffer.from(POOR_901) };

    it.each([
      ['the richer first', [rich, poor]],
      ['the poorer first', [poor, rich]],
    ])('keeps the richer copy with %s', (_order, files) => {
      const { issues, report } = buildCatalogue(files);
      expect(issues.map((i) => i.source.file)).toEqual(['import-ai-901.md']);
      expect(report.duplicates).toEqual([
        { file: 'import-ai-901.capture.md', number: 901, kept: 'import-ai-901.md', reason: 'richer' },
      ]);
      expect(report.rejected).toEqual([]);
    });
  });
});

describe('summariseCatalogue', () => {
  it('reports what was taken, set aside and rejected, one line each', () => {
    const lines = summariseCatalogue(catalogue, dir);
    expect(lines.slice(0, -1)).toEqual([
      `catalogue: read 11 issue files from ${dir} (left alone, not issues: .hidden.md, SOURCES.tsv)`,
      'catalogue: took 2, rejected 8, set aside 1 duplicate',
      'catalogue: 2 issues, 3 stories, 6 paragraphs; 2 issue dates estimated',
      'catalogue: duplicate: import-ai-901.capture.md is another copy of issue 901; kept the richer import-ai-901.md',
      'catalogue: rejected: dangling.md: cannot read: no such file or folder',
      'catalogue: rejected: folder.md: not a file (a folder or a device)',
      'catalogue: rejected: huge.md: file too large (6 MB; the limit is 5 MB)',
      'catalogue: rejected: bad-yaml.md: broken front matter: Missing closing "quote',
      'catalogue: rejected: binary.md: not a text file (binary content: NUL bytes)',
      'catalogue: rejected: empty.md: empty file',
      'catalogue: rejected: no-number.md: no issue number in title "A newsletter about kettles"',
      'catalogue: rejected: unclosed-front-matter.md: broken front matter: the opening "---" is never closed',
    ]);
    expect(lines.at(-1)).toMatch(/^topics: stories per topic: [a-z-]+ \d+(, [a-z-]+ \d+)*$/);
  });
});

describe('buildArtefacts and readStore', () => {
  let indexDir: string;

  beforeAll(async () => {
    indexDir = await mkdtemp(path.join(os.tmpdir(), 'import-ai-index-'));
    // Build folders are named by the clock; fake it so consecutive builds get distinct names.
    vi.useFakeTimers({ toFake: ['Date'] });
  });

  afterAll(async () => {
    vi.useRealTimers();
    await rm(indexDir, { recursive: true, force: true });
  });

  async function build(at: string) {
    vi.setSystemTime(new Date(at));
    return buildArtefacts({ catalogueDir: dir, indexDir });
  }

  async function currentTarget(): Promise<string> {
    return path.resolve(indexDir, await readlink(path.join(indexDir, 'current')));
  }

  it('reads back the issues the build wrote, from the folder `current` points at', async () => {
    const first = await build('2031-04-01T10:00:00Z');
    expect(first.hasRejections).toBe(true);
    expect(first.summary).toEqual(summariseCatalogue(first.catalogue, dir));

    const store = await readStore(indexDir);
    expect(store.issues).toEqual(first.catalogue.issues);
    expect([...store.byNumber.keys()]).toEqual([901, 902]);
    expect(store.manifest).toMatchObject({ issues: 2, stories: 3, paragraphs: 6 });
    expect(store.buildDir).toBe(first.buildDir);
    expect(await currentTarget()).toBe(first.buildDir);
  });

  it('answers searches as an index built in memory from the same issues does', async () => {
    const store = await readStore(indexDir);
    const request = { ...DEFAULT_SEARCH_REQUEST, q: 'kettle' };
    const loaded = store.engine.search(request).results.map((r) => r.id);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded).toEqual(
      SearchEngine.fromIssues(store.issues)
        .search(request)
        .results.map((r) => r.id),
    );
  });

  it('points `current` at a new build and keeps the previous build until it is pruned', async () => {
    const first = await currentTarget();
    const second = await build('2031-04-01T10:00:01Z');
    expect(second.buildDir).not.toBe(first);
    expect(await currentTarget()).toBe(second.buildDir);
    expect((await readStore(indexDir)).buildDir).toBe(second.buildDir);
    expect((await stat(first)).isDirectory()).toBe(true);

    await build('2031-04-01T10:00:02Z');
    expect((await stat(first)).isDirectory()).toBe(true);
    await build('2031-04-01T10:00:03Z');
    await expect(stat(first)).rejects.toThrow(/ENOENT/);
    expect((await stat(second.buildDir)).isDirectory()).toBe(true);
  });
});
