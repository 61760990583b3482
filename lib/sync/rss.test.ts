import { describe, expect, it } from 'vitest';
import { parseFeed } from './rss';

const URL = 'https://blog.example/feed/';

function feed(items: string, prefix = 'content'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:${prefix}="http://purl.org/rss/1.0/modules/content/">
<channel><title>Import AI</title><link>https://blog.example</link>
${items}
</channel></rss>`;
}

const HTML = '<p><strong>Kettles:</strong> It&#8217;s a made-up <em>benchmark</em> &amp; more.</p>';

describe('parseFeed', () => {
  it('reads content:encoded the same whether it is CDATA or escaped text', () => {
    const cdata = feed(`<item><title>Import AI 9: Kettles</title><link>https://blog.example/9/</link>
      <pubDate>Mon, 28 Sep 2026 12:32:03 +0000</pubDate><content:encoded><![CDATA[${HTML}]]></content:encoded></item>`);
    const escaped = cdata.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/, (_, text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );

    expect(parseFeed(cdata, URL)).toEqual([
      {
        title: 'Import AI 9: Kettles',
        link: 'https://blog.example/9/',
        pubDate: 'Mon, 28 Sep 2026 12:32:03 +0000',
        contentEncoded: HTML,
      },
    ]);
    expect(parseFeed(escaped, URL)).toEqual(parseFeed(cdata, URL));
  });

  it('decodes character references in titles once, and takes any prefix for the content namespace', () => {
    const xml = feed(
      `<item><title>Import AI 10: Tea &amp;amp; the US&#8217;s kettles</title><guid>https://blog.example/?p=10</guid>
       <c:encoded>&lt;p&gt;x&lt;/p&gt;</c:encoded></item>`,
      'c',
    );

    expect(parseFeed(xml, URL)).toEqual([
      {
        title: 'Import AI 10: Tea &amp; the US’s kettles',
        link: 'https://blog.example/?p=10',
        pubDate: '',
        contentEncoded: '<p>x</p>',
      },
    ]);
  });

  it('names the URL and the line when the XML is broken', () => {
    expect(() => parseFeed(feed('<item><title>Import AI 11</item>'), URL)).toThrow(
      /^sync: https:\/\/blog\.example\/feed\/ is not well-formed XML \(line 4: /,
    );
  });

  it('says so when the document is not RSS 2.0', () => {
    const atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>';
    expect(() => parseFeed(atom, URL)).toThrow(
      'sync: https://blog.example/feed/ is not an RSS 2.0 feed (no <rss><channel>; Atom is not supported)',
    );
  });
});
