import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, CatalogueError, detectFormat, parseIssueFile, type SourceFormat } from './index';

// Every fixture below is invented, written in the newsletter's style; none of it is archive text.

/** Joins lines with "\n", so the Markdown hard breaks (two trailing spaces) stay visible. */
function lines(...parts: string[]): string {
  return parts.join('\n') + '\n';
}

type Parsed = ReturnType<typeof parseIssueFile>;

function outline(issue: Parsed) {
  return issue.stories.map((s) => ({ title: s.title, dek: s.dek, kind: s.kind }));
}

function paragraphsOf(issue: Parsed, storyIndex: number) {
  return issue.stories[storyIndex]!.paragraphs.map((p) => ({ role: p.role, text: p.text }));
}

function everyText(issue: Parsed): string[] {
  return issue.stories.flatMap((s) => [s.title, s.dek, ...s.paragraphs.map((p) => p.text)]);
}

/** Greetings, subscribe prompts, sign-offs, sharing widgets and email or blog footers. */
const BOILERPLATE = [
  /welcome to import ai/i,
  /subscribe/i,
  /thanks for reading/i,
  /view this email/i,
  /mailchimp/i,
  /older messages/i,
  /you might also like/i,
  /copyright/i,
  /mailing address/i,
  /like this/i,
  /loading\.\.\./i,
  /share this/i,
  /^(share|like|related|twitter|facebook|website)$/i,
  /blog at wordpress/i,
];

function expectNoBoilerplate(issue: Parsed): void {
  for (const text of everyText(issue)) {
    for (const pattern of BOILERPLATE) expect(text, `${pattern} in "${text}"`).not.toMatch(pattern);
  }
}

/** The only markup a paragraph may carry: strong, em, del, code, and links to http(s) URLs. */
const SAFE_TAG = /<\/?(?:strong|em|del|code)>|<a href="https?:\/\/[^"<>\s]+">|<\/a>/g;

function expectSafeHtml(issue: Parsed): void {
  for (const story of issue.stories) {
    for (const p of story.paragraphs) expect(p.html.replace(SAFE_TAG, ''), p.html).not.toMatch(/[<>]/);
  }
}

const SUBSTACK_MARKDOWN = lines(
  '---',
  'title: "Import AI 901: Robot librarians; a benchmark for sarcasm; and chips made of glass"',
  'author: "Jack Clark"',
  'date: ""',
  'url: "https://importai.substack.com/p/import-ai-901-robot-librarians"',
  '---',
  '',
  "Welcome to Import AI, a newsletter about AI research. If you'd like to support this, please subscribe. Thanks for reading!",
  '',
  '**Robot librarians learn to shelve books:**  ',
  '_…A warehouse robot finds a quieter second career…_  ',
  'Researchers have taught a mobile robot to put returned library books back on the right shelf.  ',
  'Over one night the robot shelved 412 books and misplaced only three of them.',
  '',
  '**Why this matters:** Libraries are a gentle test for robots: lots of clutter, few deadlines.  ',
  '**Read more:** [Shelf Help: Learning to Reshelve (arXiv)](https://arxiv.org/abs/9901.00001).',
  '',
  '####################################################',
  '',
  "**Can a language model tell when you don't mean it?  ",
  '**_…A new benchmark for sarcasm…  ',
  '_ DRYWIT pairs 20,000 sarcastic comments with sincere rewrites, and most models fail it.  ',
  '**Read more:** [DRYWIT (GitHub)](https://github.com/example/drywit).',
  '',
  'Subscribe now',
  '',
  '*****  ',
  '',
  'Glass chips get a matrix engine:  ',
  '**_…Photonic hardware inches towards the datacenter…  ',
  '_ A startup says its glass chip runs matrix multiplications with a tenth of the energy of a GPU.',
  '',
  '####################################################',
  '',
  '**Tech Tales:**',
  '',
  "**The Lighthouse Keeper's Model**",
  '',
  '_[Outer Hebrides, 2041]_',
  '',
  'The lighthouse had been automated for a century, but the model that ran it still asked for a keeper.',
  '',
  '**Things that inspired this story:** Lighthouses; automation; loneliness.',
  '',
  'Thanks for reading Import AI! Subscribe for free to receive new posts and support my work.',
);

const SITE_MARKDOWN = `---
category: ai-research
date: '2025-11-03T09:15:00.000000+00:00'
exported_at: '2025-11-03T09:15:02.000000+00:00'
feed: https://importai.substack.com/feed
language: en
source_url: https://importai.substack.com/p/import-ai-902-weather-bots
structured_data:
  author: ''
  description: The forecast calls for agents.
  headline: 'Import AI 902: Weather bots; the kernel olympics; a poem about clouds'
  keywords: []
  original_source: https://importai.substack.com/p/import-ai-902-weather-bots
title: 'Import AI 902: Weather bots; the kernel olympics; a poem about clouds'
url_hash: 0123456789abcdef
---

Welcome to Import AI, a newsletter about AI research. Import AI runs on lattes, ramen, and feedback from readers. If you’d like to support this, please subscribe.

**Weather bots beat the almanac:**
*…A small model forecasts rain better than a big one…*

Researchers have trained a compact forecasting model that predicts rainfall a week ahead more accurately than the physics-based baseline.


**Why this matters:**

Cheap forecasts are useful forecasts, and this one runs on a laptop.



**Read more:**


[Forecasting Rain with Small Models (arXiv)](https://arxiv.org/abs/9902.00002)

.



\\*\\*\\*


**The kernel olympics:**
*…Agents race to write the fastest matrix code…*

A new competition asks AI agents to write GPU kernels, and the winning agent beat hand-tuned code on four of six tasks.



\\*\\*\\*


**Tech Tales:**

**A Poem About Clouds**
*[Written by a weather model, 2031]*

The clouds did not know they were being counted.

**Things that inspired this story:** Forecasts; counting; the sky.

*Thanks for reading!*

Share
`;

const PAGE_CAPTURE = `---
title: "Import AI 903: Tiny translators; satellites that think"
url: "https://jack-clark.net/2025/01/13/import-ai-903-tiny-translators/"
fetched_at: 2026-01-20T10:00:00+00:00
source_date: 2026-01-20
tags: [newsletter, auto-ingested]
---

# Import AI 903: Tiny translators; satellites that think

Source: https://jack-clark.net/2025/01/13/import-ai-903-tiny-translators/

Welcome to Import AI, a newsletter about AI research. If you’d like to support this, please
subscribe
.
Subscribe now
A tiny model translates forty languages:
…Small is beautiful, again…
Researchers have released a 300 million parameter translation model that covers forty languages – see
the demo
for yourself.
Why this matters – translation everywhere:
Models this small can run on a phone with no network connection.
Read more:
Tiny Translators (arXiv)
.
***
Satellites learn to think for themselves:
…Onboard inference saves bandwidth…
An operator has put a vision model on a small satellite so it only sends down pictures with clouds removed.
***
Tech Tales:
The Last Translator
[A border town, 2036]
She translated for the machines because nobody else remembered how.
Things that inspired this story:
Interpreters; small languages; patience.
Thanks for reading!
Share this:
Twitter
Facebook
Like this:
Like
Loading...
Related
`;

const MAILCHIMP_TEXT = `Import AI 904: Robot chefs; a census of GPUs; and a story about a bridge

What would a kitchen look like if it were designed for robots first and people second?
 
View this email in your browser

Welcome to Import AI, a newsletter about artificial intelligence. Forward this email to give your chums an AI upgrade. Subscribe here.

Robot chefs learn to crack eggs:
...Dexterity keeps creeping forward...
A lab has trained a robot arm to crack eggs into a bowl without dropping shell into it, using a few hundred human demonstrations.
  Why this matters: Eggs are fragile and every one is different, so this is a real test of dexterity.
  Read more: Cracking Eggs with Robots (arXiv).

###################################################

Somebody counted the GPUs:
...A census of the world's accelerators...
An analyst has estimated how many AI accelerators exist worldwide and who owns them.
Read more: The GPU Census (Example Research).

###################################################

AI Policy with Matthew van der Merwe:
…Matthew van der Merwe brings you views on AI and AI policy; I (lightly) edit them…

Parliament debates a register of large models:
Lawmakers have proposed that developers of the biggest models register them with a national office before release.
Read more: Register of Models Bill (Parliament).

Court rules on training data:
A judge has ruled that a scraping case can go to trial, the first such decision in the country.
Matthew’s view: This will be a slow process, but an important one.

###################################################

The Bridge Inspector
[Lisbon, 2038]

The drone had inspected the bridge every morning for eleven years.
  It knew each rivet by name.

Things that inspired this story: Infrastructure; maintenance; devotion.


Thanks for reading. If you have suggestions, comments or other thoughts you can reach me at jack@example.net

Twitter
Facebook
Website
Copyright © 2038 Import AI, All rights reserved.
You are receiving this email because you signed up for it. Welcome!

Our mailing address is:
Import AI
Many GPUs
Oakland, California 94609

Want to change how you receive these emails?
You can update your preferences or unsubscribe from this list

Email Marketing Powered by Mailchimp

Older messages

Import AI 903: Tiny translators; satellites that think

Monday, January 13, 2025

Researchers have released a small translation model. View this email in your browser

You Might Also Like

Another Newsletter Entirely

Sunday, January 12, 2025

Subscribe to our deals and unsubscribe whenever you like.
`;

/** A Substack post's `body_html`, as sync writes it: front matter, then the HTML. */
const SUBSTACK_HTML = `---
number: 905
title: "Import AI 905: Moss rovers; a census of kettles"
date: 2031-03-10
url: https://importai.substack.com/p/import-ai-905-moss-rovers
source: substack
---
<p>Welcome to Import AI, a newsletter about AI research. If you’d like to support this, please subscribe.</p>
<div class="subscription-widget-wrap"><div class="subscription-widget show-subscribe"><div class="preamble"><p>Subscribe now</p></div><form class="subscription-widget-subscribe"><input type="email" placeholder="Type your email…"><input type="submit" value="Subscribe"></form></div></div>
<p><strong>Moss-growing rovers tend a garden on their own:</strong><br><em>…A vision model smaller than a postcard…</em><br>Researchers have built rovers that water moss only when a tiny vision model says it looks dry.</p>
<p><strong>Why this matters:</strong> Small models on cheap robots can do <em>useful</em> work.<br><strong>Read more:</strong> <a href="https://arxiv.org/abs/3103.00003" target="_blank" rel="noopener">Rovers for Moss (arXiv)</a>.</p>
<p>####################################################</p>
<p><strong>Somebody counted the kettles</strong></p>
<p>A made-up lab measures how long household robots take to boil water.</p>
<p class="button-wrapper"><a class="button primary" href="https://importai.substack.com/subscribe?"><span>Subscribe now</span></a></p>
<p>Thanks for reading Import AI! Subscribe for free to receive new posts and support my work.</p>
`;

const WORDPRESS_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Import AI 906: Kettle benchmarks; a story about tea | Import AI</title>
<meta property="og:title" content="Import AI 906: Kettle benchmarks; a story about tea">
<meta property="og:url" content="https://jack-clark.net/2031/03/17/import-ai-906-kettle-benchmarks/">
<meta property="article:published_time" content="2031-03-17T06:00:00+00:00">
<style>.entry-content p { color: red; }</style>
<script>window.track = function () { document.title = 'tracked'; };</script>
</head>
<body>
<header class="site-header"><a href="https://jack-clark.net/">Import AI</a></header>
<article class="post">
<h1 class="entry-title">Import AI 906: Kettle benchmarks; a story about tea</h1>
<div class="entry-content">
<p>Welcome to Import AI, a newsletter about AI research.</p>
<p><strong>Kettle-boiling benchmarks arrive:</strong><br><em>…How fast can a robot make tea?…</em><br>A lab timed household robots boiling water and found the <a href="https://example.com/kettles" onclick="track()">best one</a> took four minutes.</p>
<p onclick="track()"><strong>Why this matters:</strong> Tea is a <a href="javascript:alert(1)">benchmark</a> everyone understands.</p>
<script>track();</script>
<hr>
<p><strong>Tech Tales:</strong></p>
<p><strong>The Last Cup</strong></p>
<p><em>[A kitchen, 2040]</em></p>
<p>The robot made one more cup of <style>p{}</style>tea, though nobody was home to drink it.</p>
<p>Thanks for reading!</p>
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="https://twitter.com/share">Twitter</a></li></ul></div>
<p>Like this:</p>
<p>Like Loading...</p>
</div>
</article>
<footer class="site-footer"><p>Blog at WordPress.com.</p></footer>
</body>
</html>
`;

/** A jack-clark.net feed item as sync writes it: the Jetpack thumbnail first, `<br />` inside `<span>`s. */
const WORDPRESS_FEED_HTML = `---
number: 907
title: "Import AI 907: Lantern drones; a tale of salt"
date: "2031-03-24"
url: https://jack-clark.net/2031/03/24/import-ai-907-lantern-drones/
source: wordpress
---
<img width="150" height="150" src="https://i0.wp.com/jack-clark.net/thumb.png" class="attachment-thumbnail size-thumbnail wp-post-image" alt="" /><p>Welcome to Import AI, a newsletter about AI research.</p>
<p class="button-wrapper" data-component-name="ButtonCreateButton"><a class="button primary" href="https://importai.substack.com/subscribe?"><span>Subscribe now</span></a></p>
<p><strong><span>Lantern drones learn to hover over night markets:<br /></span></strong><em><span>…Small lights, big datasets…<br /></span></em><span>A made-up team trained drones to hold still above crowded stalls.<br />    The drones used a policy small enough to fit on a &#8220;matchbox&#8221; chip.</span></p>
<p><strong><span>Why this matters &#8211; cheap hovering</span></strong><span>: Stable drones make cheap lighting.<br /></span><strong><span>   Read more</span></strong><span>: </span><a href="https://example.com/lanterns"><span>Lantern Drones (example)</span></a><span>.</span></p>
<p>***</p>
<p><strong><span>Tech Tales:</span></strong></p>
<p><strong><span>A Tale of Salt<br /></span></strong><em><span>[The coast, 2039]<br /></span></em><span>The robot counted grains of salt until the tide came back.</span></p>
<p><strong><span>Things that inspired this story: </span></strong><span>salt flats; counting.</span></p>
<p>Thanks for reading!</p>
`;

/** Substack's 2026 body HTML: one `<p>` for the whole issue, `<br>` inside `<span>`s, `***` between `<br><br>`s. */
const SUBSTACK_SPAN_HTML = `---
number: 908
title: "Import AI 908: Glass owls; a quiet benchmark"
date: "2031-03-31"
url: https://importai.substack.com/p/import-ai-908
source: substack
---
<p>Welcome to Import AI, a newsletter about AI research.</p><p><strong><span>Glass owls watch the orchard:<br></span></strong><em><span>&#8230;Cameras that never blink&#8230;<br></span></em><span>A made-up farm put cameras in glass owls to count apples.<br><br></span><strong><span>What they found:</span></strong><span> The owls counted apples better than the farmers did.<br><br>***<br><br></span><strong><span>A quiet benchmark for loud models:<br></span></strong><em><span>&#8230;Shh, please&#8230;<br></span></em><span>Researchers scored models on how briefly they answer.</span></p>
`;

describe('parseIssueFile', () => {
  describe('when given Substack Markdown', () => {
    const issue = parseIssueFile('import-ai-901.md', SUBSTACK_MARKDOWN);

    it('recognises the format', () => {
      expect(issue.source).toEqual({ file: 'import-ai-901.md', format: 'substack-markdown' });
    });

    it('reads the number, title and URL from the front matter', () => {
      expect(issue.number).toBe(901);
      expect(issue.title).toBe(
        'Import AI 901: Robot librarians; a benchmark for sarcasm; and chips made of glass',
      );
      expect(issue.url).toBe('https://importai.substack.com/p/import-ai-901-robot-librarians');
    });

    it('treats an empty front-matter date as no date at all', () => {
      const [built] = buildCatalogue([
        {
          name: 'import-ai-901.md',
          content: Buffer.from(SUBSTACK_MARKDOWN),
          modified: new Date('2031-05-01'),
        },
      ]).issues;
      expect(built).toMatchObject({ date: '2031-05-01', dateBasis: 'estimated' });
    });

    it('splits stories at a #### separator and at a ***** fused with the next headline', () => {
      expect(outline(issue)).toEqual([
        {
          title: 'Robot librarians learn to shelve books',
          dek: 'A warehouse robot finds a quieter second career',
          kind: 'news',
        },
        {
          title: "Can a language model tell when you don't mean it?",
          dek: 'A new benchmark for sarcasm',
          kind: 'news',
        },
        {
          title: 'Glass chips get a matrix engine',
          dek: 'Photonic hardware inches towards the datacenter',
          kind: 'news',
        },
        { title: "The Lighthouse Keeper's Model", dek: 'Outer Hebrides, 2041', kind: 'tech-tales' },
      ]);
    });

    it('moves a closing ** that starts the next line back onto its headline', () => {
      expect(paragraphsOf(issue, 1)).toEqual([
        {
          role: 'body',
          text: 'DRYWIT pairs 20,000 sarcastic comments with sincere rewrites, and most models fail it.',
        },
        { role: 'read-more', text: 'Read more: DRYWIT (GitHub).' },
      ]);
      expect(paragraphsOf(issue, 2)).toEqual([
        {
          role: 'body',
          text: 'A startup says its glass chip runs matrix multiplications with a tenth of the energy of a GPU.',
        },
      ]);
    });

    it('makes each hard-broken line a paragraph and gives run-in labels their roles', () => {
      expect(paragraphsOf(issue, 0)).toEqual([
        {
          role: 'body',
          text: 'Researchers have taught a mobile robot to put returned library books back on the right shelf.',
        },
        {
          role: 'body',
          text: 'Over one night the robot shelved 412 books and misplaced only three of them.',
        },
        {
          role: 'why-this-matters',
          text: 'Why this matters: Libraries are a gentle test for robots: lots of clutter, few deadlines.',
        },
        { role: 'read-more', text: 'Read more: Shelf Help: Learning to Reshelve (arXiv).' },
      ]);
    });

    it('keeps the read-more link and its markup', () => {
      const readMore = issue.stories[0]!.paragraphs[3]!;
      expect(readMore.links).toEqual([
        { text: 'Shelf Help: Learning to Reshelve (arXiv)', href: 'https://arxiv.org/abs/9901.00001' },
      ]);
      expect(readMore.html).toBe(
        '<strong>Read more:</strong> <a href="https://arxiv.org/abs/9901.00001">Shelf Help: Learning to Reshelve (arXiv)</a>.',
      );
    });

    it('titles a Tech Tale by the line after its heading and tags it fiction only', () => {
      const tale = issue.stories[3]!;
      expect(tale.topics).toEqual(['fiction']);
      expect(tale.paragraphs.map((p) => p.text)).toEqual([
        'The lighthouse had been automated for a century, but the model that ran it still asked for a keeper.',
        'Things that inspired this story: Lighthouses; automation; loneliness.',
      ]);
    });

    it('leaves out the greeting, "Subscribe now" and the sign-off', () => {
      expectNoBoilerplate(issue);
    });

    it('renders only safe inline markup', () => {
      expectSafeHtml(issue);
    });
  });

  describe('when given static-site Markdown', () => {
    const issue = parseIssueFile('import-ai-902.md', SITE_MARKDOWN);

    it('recognises the format', () => {
      expect(issue.source.format).toBe('site-markdown');
    });

    it('reads the number, title and URL from the rich front matter', () => {
      expect(issue.number).toBe(902);
      expect(issue.title).toBe('Import AI 902: Weather bots; the kernel olympics; a poem about clouds');
      expect(issue.url).toBe('https://importai.substack.com/p/import-ai-902-weather-bots');
    });

    it('takes the front matter date only as an upper bound', () => {
      const [built] = buildCatalogue([
        { name: 'import-ai-902.md', content: Buffer.from(SITE_MARKDOWN) },
      ]).issues;
      expect(built).toMatchObject({ date: '2025-11-03', dateBasis: 'estimated' });
    });

    it('splits stories at escaped \\*\\*\\* separators', () => {
      expect(outline(issue)).toEqual([
        {
          title: 'Weather bots beat the almanac',
          dek: 'A small model forecasts rain better than a big one',
          kind: 'news',
        },
        { title: 'The kernel olympics', dek: 'Agents race to write the fastest matrix code', kind: 'news' },
        { title: 'A Poem About Clouds', dek: 'Written by a weather model, 2031', kind: 'tech-tales' },
      ]);
      expect(issue.stories[2]!.topics).toEqual(['fiction']);
    });

    it('joins a label, its link and a lone "." split over paragraphs into one paragraph', () => {
      expect(paragraphsOf(issue, 0)).toEqual([
        {
          role: 'body',
          text: 'Researchers have trained a compact forecasting model that predicts rainfall a week ahead more accurately than the physics-based baseline.',
        },
        {
          role: 'why-this-matters',
          text: 'Why this matters: Cheap forecasts are useful forecasts, and this one runs on a laptop.',
        },
        { role: 'read-more', text: 'Read more: Forecasting Rain with Small Models (arXiv).' },
      ]);
      const readMore = issue.stories[0]!.paragraphs[2]!;
      expect(readMore.links).toEqual([
        { text: 'Forecasting Rain with Small Models (arXiv)', href: 'https://arxiv.org/abs/9902.00002' },
      ]);
      expect(readMore.html).toBe(
        '<strong>Read more:</strong> <a href="https://arxiv.org/abs/9902.00002">Forecasting Rain with Small Models (arXiv)</a>.',
      );
    });

    it('leaves out the greeting, the sign-off and the share button', () => {
      expectNoBoilerplate(issue);
    });

    it('renders only safe inline markup', () => {
      expectSafeHtml(issue);
    });
  });

  describe('when given a page capture', () => {
    const issue = parseIssueFile('import-ai-903.md', PAGE_CAPTURE);

    it('recognises the format', () => {
      expect(issue.source.format).toBe('page-capture');
    });

    it('reads the number, title and URL', () => {
      expect(issue.number).toBe(903);
      expect(issue.title).toBe('Import AI 903: Tiny translators; satellites that think');
      expect(issue.url).toBe('https://jack-clark.net/2025/01/13/import-ai-903-tiny-translators/');
    });

    it('joins one-element-per-line fragments back into paragraphs', () => {
      expect(outline(issue)).toEqual([
        { title: 'A tiny model translates forty languages', dek: 'Small is beautiful, again', kind: 'news' },
        {
          title: 'Satellites learn to think for themselves',
          dek: 'Onboard inference saves bandwidth',
          kind: 'news',
        },
        { title: 'The Last Translator', dek: 'A border town, 2036', kind: 'tech-tales' },
      ]);
      expect(paragraphsOf(issue, 0)).toEqual([
        {
          role: 'body',
          text: 'Researchers have released a 300 million parameter translation model that covers forty languages – see the demo for yourself.',
        },
        {
          role: 'why-this-matters',
          text: 'Why this matters – translation everywhere: Models this small can run on a phone with no network connection.',
        },
        { role: 'read-more', text: 'Read more: Tiny Translators (arXiv).' },
      ]);
      expect(paragraphsOf(issue, 2)).toEqual([
        { role: 'body', text: 'She translated for the machines because nobody else remembered how.' },
        { role: 'body', text: 'Things that inspired this story: Interpreters; small languages; patience.' },
      ]);
    });

    it('keeps the "# title" heading and the "Source:" line out of the paragraphs', () => {
      expect(everyText(issue).filter((t) => /^(Import AI 903|Source:)/.test(t))).toEqual([]);
    });

    it('drops a lone "Subscribe now" rather than joining it to the next headline', () => {
      expect(issue.stories[0]!.title).toBe('A tiny model translates forty languages');
    });

    it('stops at "Thanks for reading!", before the blog footer', () => {
      expectNoBoilerplate(issue);
      expect(everyText(issue).at(-1)).toBe(
        'Things that inspired this story: Interpreters; small languages; patience.',
      );
    });

    it('renders only safe inline markup', () => {
      expectSafeHtml(issue);
    });

    describe('when its URL is an email click-tracking redirect', () => {
      it('records no URL', () => {
        const redirected = PAGE_CAPTURE.replace(
          'url: "https://jack-clark.net/2025/01/13/import-ai-903-tiny-translators/"',
          'url: "https://substack.com/redirect/0f1e2d3c-4b5a?j=abc"',
        );
        expect(parseIssueFile('import-ai-903.md', redirected).url).toBe('');
      });
    });
  });

  describe('when given a Mailchimp plain-text email', () => {
    const issue = parseIssueFile('import-ai-904.mailchimp.txt', MAILCHIMP_TEXT);

    it('recognises the format', () => {
      expect(issue.source.format).toBe('mailchimp-text');
    });

    it('reads the number and title from the title line', () => {
      expect(issue.number).toBe(904);
      expect(issue.title).toBe('Import AI 904: Robot chefs; a census of GPUs; and a story about a bridge');
    });

    it('splits stories at ##### and turns the policy column into its own stories', () => {
      expect(outline(issue)).toEqual([
        { title: 'Robot chefs learn to crack eggs', dek: 'Dexterity keeps creeping forward', kind: 'news' },
        { title: 'Somebody counted the GPUs', dek: "A census of the world's accelerators", kind: 'news' },
        { title: 'Parliament debates a register of large models', dek: '', kind: 'policy-column' },
        { title: 'Court rules on training data', dek: '', kind: 'policy-column' },
        { title: 'The Bridge Inspector', dek: 'Lisbon, 2038', kind: 'tech-tales' },
      ]);
    });

    it('tags every policy-column story policy', () => {
      const column = issue.stories.filter((s) => s.kind === 'policy-column');
      expect(column.map((s) => s.topics.includes('policy'))).toEqual([true, true]);
    });

    it('keeps the column’s own introduction out of its stories', () => {
      expect(everyText(issue).filter((t) => /van der Merwe/.test(t))).toEqual([]);
      expect(paragraphsOf(issue, 3)).toEqual([
        {
          role: 'body',
          text: 'A judge has ruled that a scraping case can go to trial, the first such decision in the country.',
        },
        { role: 'body', text: 'Matthew’s view: This will be a slow process, but an important one.' },
      ]);
    });

    it('gives indented run-in labels their roles', () => {
      expect(paragraphsOf(issue, 0)).toEqual([
        {
          role: 'body',
          text: 'A lab has trained a robot arm to crack eggs into a bowl without dropping shell into it, using a few hundred human demonstrations.',
        },
        {
          role: 'why-this-matters',
          text: 'Why this matters: Eggs are fragile and every one is different, so this is a real test of dexterity.',
        },
        { role: 'read-more', text: 'Read more: Cracking Eggs with Robots (arXiv).' },
      ]);
    });

    it('recognises a Tech Tale with no heading by its title line and "[Place, year]" line', () => {
      expect(issue.stories[4]!.topics).toEqual(['fiction']);
      expect(paragraphsOf(issue, 4)).toEqual([
        { role: 'body', text: 'The drone had inspected the bridge every morning for eleven years.' },
        { role: 'body', text: 'It knew each rivet by name.' },
        { role: 'body', text: 'Things that inspired this story: Infrastructure; maintenance; devotion.' },
      ]);
    });

    it('leaves out the preview text, the greeting, the footer and the archive listing', () => {
      expectNoBoilerplate(issue);
      const text = everyText(issue).join('\n');
      expect(text).not.toMatch(/kitchen look like/);
      expect(text).not.toMatch(/Another Newsletter|Tiny translators|Oakland|Many GPUs/);
    });

    it('dates the issues its archive listing names', () => {
      const { issues } = buildCatalogue([
        { name: 'import-ai-903.md', content: Buffer.from(PAGE_CAPTURE) },
        { name: 'import-ai-904.txt', content: Buffer.from(MAILCHIMP_TEXT) },
      ]);
      expect(issues.find((i) => i.number === 903)).toMatchObject({ date: '2025-01-13', dateBasis: 'linked' });
    });

    it('renders only safe inline markup', () => {
      expectSafeHtml(issue);
    });
  });

  describe('when given a Substack body_html', () => {
    const issue = parseIssueFile('import-ai-905.substack.html', SUBSTACK_HTML);

    it('recognises the format', () => {
      expect(issue.source.format).toBe('html');
    });

    it('reads the number, title, URL and date from the front matter', () => {
      expect(issue.number).toBe(905);
      expect(issue.title).toBe('Import AI 905: Moss rovers; a census of kettles');
      expect(issue.url).toBe('https://importai.substack.com/p/import-ai-905-moss-rovers');
      const [built] = buildCatalogue([{ name: 'x.html', content: Buffer.from(SUBSTACK_HTML) }]).issues;
      expect(built).toMatchObject({ date: '2031-03-10', dateBasis: 'stated' });
    });

    it('splits lines at <br> and stories at a <p>#####</p> separator', () => {
      expect(outline(issue)).toEqual([
        {
          title: 'Moss-growing rovers tend a garden on their own',
          dek: 'A vision model smaller than a postcard',
          kind: 'news',
        },
        { title: 'Somebody counted the kettles', dek: '', kind: 'news' },
      ]);
      expect(paragraphsOf(issue, 0)).toEqual([
        {
          role: 'body',
          text: 'Researchers have built rovers that water moss only when a tiny vision model says it looks dry.',
        },
        {
          role: 'why-this-matters',
          text: 'Why this matters: Small models on cheap robots can do useful work.',
        },
        { role: 'read-more', text: 'Read more: Rovers for Moss (arXiv).' },
      ]);
    });

    it('keeps inline markup and links but drops their other attributes', () => {
      const [, why, readMore] = issue.stories[0]!.paragraphs;
      expect(why!.html).toBe(
        '<strong>Why this matters:</strong> Small models on cheap robots can do <em>useful</em> work.',
      );
      expect(readMore!.html).toBe(
        '<strong>Read more:</strong> <a href="https://arxiv.org/abs/3103.00003">Rovers for Moss (arXiv)</a>.',
      );
    });

    it('leaves out the greeting, the subscribe widget and button, and the sign-off', () => {
      expectNoBoilerplate(issue);
    });

    it('renders only safe inline markup', () => {
      expectSafeHtml(issue);
    });

    describe('when the fragment has no title anywhere', () => {
      it('throws a CatalogueError naming the problem', () => {
        const untitled = '<p><strong>A headline:</strong> Some words.</p>';
        expect(() => parseIssueFile('x.html', untitled)).toThrow(CatalogueError);
        expect(() => parseIssueFile('x.html', untitled)).toThrow('no title found (read as post HTML)');
      });
    });
  });

  describe('when given a jack-clark.net feed item', () => {
    const issue = parseIssueFile('import-ai-907.wordpress.html', WORDPRESS_FEED_HTML);

    it('recognises HTML that opens with the thumbnail image', () => {
      expect(issue.source.format).toBe('html');
    });

    it('splits lines at a <br /> inside inline wrappers, so headline, dek and paragraphs part', () => {
      expect(outline(issue)).toEqual([
        {
          title: 'Lantern drones learn to hover over night markets',
          dek: 'Small lights, big datasets',
          kind: 'news',
        },
        { title: 'A Tale of Salt', dek: 'The coast, 2039', kind: 'tech-tales' },
      ]);
      expect(paragraphsOf(issue, 0)).toEqual([
        { role: 'body', text: 'A made-up team trained drones to hold still above crowded stalls.' },
        { role: 'body', text: 'The drones used a policy small enough to fit on a “matchbox” chip.' },
        {
          role: 'why-this-matters',
          text: 'Why this matters – cheap hovering: Stable drones make cheap lighting.',
        },
        { role: 'read-more', text: 'Read more: Lantern Drones (example).' },
      ]);
    });

    it('leaves out the thumbnail, the greeting, the subscribe button and the sign-off', () => {
      expectNoBoilerplate(issue);
      expect(issue.stories.flatMap((s) => s.paragraphs).some((p) => /thumb/.test(p.html))).toBe(false);
    });
  });

  describe("when given Substack's 2026 span-wrapped HTML", () => {
    const issue = parseIssueFile('import-ai-908.substack.html', SUBSTACK_SPAN_HTML);

    it('finds each story inside the one paragraph that holds them all', () => {
      expect(outline(issue)).toEqual([
        { title: 'Glass owls watch the orchard', dek: 'Cameras that never blink', kind: 'news' },
        { title: 'A quiet benchmark for loud models', dek: 'Shh, please', kind: 'news' },
      ]);
      expect(paragraphsOf(issue, 0).map((p) => p.text)).toEqual([
        'A made-up farm put cameras in glass owls to count apples.',
        'What they found: The owls counted apples better than the farmers did.',
      ]);
    });
  });

  describe('when a Substack post has footnotes and captioned images', () => {
    const issue = parseIssueFile(
      'import-ai-909.substack.html',
      `---
title: "Import AI 909: Footnoted kettles"
---
<p><strong>Kettles get footnotes:</strong><br><em>…A careful benchmark…</em><br>Kettles boil faster than models<a class="footnote-anchor" data-component-name="FootnoteAnchorToDOM" id="footnote-anchor-1" href="#footnote-1" target="_self">1</a> expected.</p>
<div class="captioned-image-container"><figure><a class="image-link image2" href="https://example.com/k.png"><div class="image2-inset"><picture><img src="https://example.com/k.png" alt=""></picture></div></a><figcaption class="image-caption">A kettle, photographed.</figcaption></figure></div>
<p>The lab measured forty kettles.</p>
<p>***</p>
<p><strong>Teapots fall behind:</strong><br><em>…Slow and steady…</em><br>Teapots were slower.</p>
<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number" contenteditable="false" target="_self">1</a><div class="footnote-content"><p>Invented models, that is.</p></div></div>
`,
    );

    it('puts each note right after the paragraph that cites it, without gluing its number to a word', () => {
      expect(issue.stories.map((s) => s.paragraphs.map((p) => p.text))).toEqual([
        [
          'Kettles boil faster than models expected.',
          '[1] Invented models, that is.',
          'The lab measured forty kettles.',
        ],
        ['Teapots were slower.'],
      ]);
    });
  });

  describe('when given a WordPress page', () => {
    const issue = parseIssueFile('import-ai-906.html', WORDPRESS_HTML);
    const html = issue.stories.flatMap((s) => s.paragraphs.map((p) => p.html)).join('\n');

    it('recognises the format', () => {
      expect(issue.source.format).toBe('html');
    });

    it('reads the title and URL from the page’s metadata, not its <title>', () => {
      expect(issue.number).toBe(906);
      expect(issue.title).toBe('Import AI 906: Kettle benchmarks; a story about tea');
      expect(issue.url).toBe('https://jack-clark.net/2031/03/17/import-ai-906-kettle-benchmarks/');
    });

    it('reads the <article>, split at <hr>, with a <strong> headline and <em> dek', () => {
      expect(outline(issue)).toEqual([
        { title: 'Kettle-boiling benchmarks arrive', dek: 'How fast can a robot make tea?', kind: 'news' },
        { title: 'The Last Cup', dek: 'A kitchen, 2040', kind: 'tech-tales' },
      ]);
      expect(paragraphsOf(issue, 0)).toEqual([
        {
          role: 'body',
          text: 'A lab timed household robots boiling water and found the best one took four minutes.',
        },
        { role: 'why-this-matters', text: 'Why this matters: Tea is a benchmark everyone understands.' },
      ]);
      expect(paragraphsOf(issue, 1)).toEqual([
        { role: 'body', text: 'The robot made one more cup of tea, though nobody was home to drink it.' },
      ]);
      expect(issue.stories[1]!.topics).toEqual(['fiction']);
    });

    it('drops scripts, styles, event handlers and javascript: links', () => {
      expect(everyText(issue).join('\n')).not.toMatch(/track|color|alert|p\{\}/);
      expect(html).not.toMatch(/onclick|javascript|script|style/i);
      expect(issue.stories[0]!.paragraphs[1]!.links).toEqual([]);
      expect(issue.stories[0]!.paragraphs[1]!.html).toBe(
        '<strong>Why this matters:</strong> Tea is a benchmark everyone understands.',
      );
      expect(issue.stories[0]!.paragraphs[0]!.html).toBe(
        'A lab timed household robots boiling water and found the <a href="https://example.com/kettles">best one</a> took four minutes.',
      );
    });

    it('leaves out the site header and footer, the greeting, sign-off and sharing widgets', () => {
      expectNoBoilerplate(issue);
    });

    it('renders only safe inline markup', () => {
      expectSafeHtml(issue);
    });
  });
});

describe('detectFormat', () => {
  const sources: [SourceFormat, string][] = [
    ['substack-markdown', SUBSTACK_MARKDOWN],
    ['site-markdown', SITE_MARKDOWN],
    ['page-capture', PAGE_CAPTURE],
    ['mailchimp-text', MAILCHIMP_TEXT],
    ['html', SUBSTACK_HTML],
    ['html', WORDPRESS_HTML],
  ];

  it.each(sources)('recognises %s from the content alone', (format, source) => {
    expect(detectFormat(source)).toBe(format);
  });

  describe('when the same content is saved under different names', () => {
    const names = ['import-ai-900.md', 'import-ai-900.txt', 'import-ai-900.html', 'notes.markdown', 'issue'];

    it.each(sources)('reads it as %s whatever the name', (format, source) => {
      expect(names.map((name) => parseIssueFile(name, source).source.format)).toEqual(
        names.map(() => format),
      );
    });
  });
});

describe('when one issue arrives as Markdown and as HTML', () => {
  const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
  const markdown = parseIssueFile('substack-markdown.md', fixture('substack-markdown.md'));
  const shape = (issue: Parsed) => ({
    number: issue.number,
    title: issue.title,
    stories: outline(issue),
    paragraphs: issue.stories.map((s) => s.paragraphs.map((p) => ({ id: p.id, role: p.role, text: p.text }))),
  });

  it('reads the Markdown as Substack Markdown with three stories and a Tech Tale', () => {
    expect(markdown.source.format).toBe('substack-markdown');
    expect(outline(markdown).map((s) => [s.title, s.kind])).toEqual([
      ['Vision models are about to get way more capable - and human', 'news'],
      ['Google might have invented a better optimizer? (Via AI, of course).', 'news'],
      ['Amazon partners with Hugging Face to add more AI to AWS', 'news'],
      ['And the Moon was made of gold.', 'tech-tales'],
    ]);
    expect(markdown.stories.map((s) => s.paragraphs.length)).toEqual([5, 3, 3, 3]);
  });

  it.each(['substack-body.html', 'wordpress-article.html'])(
    'reads %s into the same stories, paragraph texts and ids',
    (name) => {
      const html = parseIssueFile(name, fixture(name));
      expect(html.source.format).toBe('html');
      expect(shape(html)).toEqual(shape(markdown));
      expectNoBoilerplate(html);
      expectSafeHtml(html);
    },
  );
});
