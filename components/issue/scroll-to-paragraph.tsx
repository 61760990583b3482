'use client';

import { useEffect } from 'react';

/** On a paragraph's share page (no fragment in the URL) brings the paragraph into view. */
export function ScrollToParagraph({ id }: { id: string }) {
  useEffect(() => {
    document.getElementById(id)?.scrollIntoView({ block: 'center' });
  }, [id]);
  return null;
}
