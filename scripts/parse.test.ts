import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLE = path.join(ROOT, 'data/issues/import-ai-226.mailchimp.txt');

function runParse(...files: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An invented post as sync writes it from jack-clark.net: front matter, then WordPress's HTML. */
const WORDPRESS_POST = `---
number: 931
title: "Import AI 931: Lanterns; a tale of salt"
date: "2031-06-02"
url: https://jack-clark.net/2031/06/02/import-ai-931/
source: wordpress
---
<img class="wp-post-image" src="https://example.com/thumb.png" alt="" /><p><strong><span>Lantern drones hover over markets:<br /></span></strong><em><span>…Small lights…<br /></span></em><span>Drones held still above the stalls.</span></p>
<p>***</p>
<p><strong><span>Tech Tales:</span></strong></p>
<p><span>A Tale of Salt</span></p>
<p><span>The robot counted grains of salt.</span></p>
`;

describe('npm run parse', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'parse-cli-'));
    await writeFile(path.join(dir, 'import-ai-931.wordpress.html'), WORDPRESS_POST);
    await writeFile(
      path.join(dir, 'broken.md'),
      '---\ntitle: "A newsletter about kettles"\n---\nNo number here.\n',
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints each file’s issue as /api/issues/<n> answers it, with permanent paragraph links', () => {
    const { code, stdout, stderr } = runParse(SAMPLE, path.join(dir, 'import-ai-931.wordpress.html'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const issues = JSON.parse(stdout) as {
      number: number;
      date: string;
      dateBasis: string;
      stories: { title: string; kind: string; paragraphs: { id: string; url: string; text: string }[] }[];
    }[];
    expect(issues.map((i) => i.number)).toEqual([226, 931]);
    expect(issues[0]!.stories).toHaveLength(10);
    const [post] = issues.slice(1);
    expect(post).toMatchObject({ date: '2031-06-02', dateBasis: 'stated' });
    expect(post!.stories.map((s) => [s.kind, s.title])).toEqual([
      ['news', 'Lantern drones hover over markets'],
      ['tech-tales', 'A Tale of Salt'],
    ]);
    const paragraph = post!.stories[0]!.paragraphs[0]!;
    expect(paragraph).toMatchObject({ text: 'Drones held still above the stalls.' });
    expect(paragraph.url).toBe(`/issues/931#${paragraph.id}`);
  });

  it('names a file it rejects, with the reason, still prints the others and exits 1', () => {
    const { code, stdout, stderr } = runParse(path.join(dir, 'broken.md'), SAMPLE);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'parse: rejected: broken.md: no issue number in title "A newsletter about kettles"',
    );
    expect((JSON.parse(stdout) as { number: number }[]).map((i) => i.number)).toEqual([226]);
  });

  it('asks for a file when given none', () => {
    const { code, stderr } = runParse();
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run parse -- FILE/);
  });
});
