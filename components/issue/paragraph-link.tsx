'use client';

import { useState } from 'react';

/**
 * The ¶ control beside a paragraph: a link to its fragment (so it works without JavaScript) that
 * also copies the paragraph's absolute permanent link to the clipboard.
 */
export function ParagraphLink({ id, path }: { id: string; path: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <a
      href={`#${id}`}
      data-permalink={path}
      aria-label="Copy link to this paragraph"
      title="Copy link to this paragraph"
      onClick={() => {
        const absolute = new URL(path, window.location.origin).toString();
        void navigator.clipboard?.writeText(absolute).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          },
          () => undefined,
        );
      }}
      className="absolute top-0 -left-7 rounded px-1 text-zinc-400 no-underline opacity-0 group-hover:opacity-100 hover:text-indigo-600 focus:opacity-100 focus-visible:outline-2 focus-visible:outline-indigo-600 sm:-left-8"
    >
      <span aria-hidden="true">¶</span>
      <span role="status" className={copied ? 'ml-1 text-xs text-indigo-600' : 'sr-only'}>
        {copied ? 'Copied' : ''}
      </span>
    </a>
  );
}
