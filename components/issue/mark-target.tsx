'use client';

import { useEffect } from 'react';

/**
 * Marks the paragraph the URL's fragment points at (`data-target`). CSS `:target` does this on a
 * full page load, but not after a client-side navigation (Next changes the URL through the History
 * API, which never updates the target), so a result clicked on the search page would scroll to its
 * paragraph without marking it. Runs when mounted and whenever the fragment changes.
 */
export function MarkTarget() {
  useEffect(() => {
    let marked: Element | null = null;
    const mark = () => {
      marked?.removeAttribute('data-target');
      const id = safeDecode(window.location.hash.slice(1));
      marked = id ? document.getElementById(id) : null;
      marked?.setAttribute('data-target', 'true');
    };
    const later = () => requestAnimationFrame(mark);
    mark();
    const navigation = (window as { navigation?: EventTarget }).navigation;
    window.addEventListener('hashchange', mark);
    window.addEventListener('popstate', later);
    navigation?.addEventListener('navigatesuccess', later);
    return () => {
      window.removeEventListener('hashchange', mark);
      window.removeEventListener('popstate', later);
      navigation?.removeEventListener('navigatesuccess', later);
      marked?.removeAttribute('data-target');
    };
  }, []);
  return null;
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
