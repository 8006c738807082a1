import { useEffect } from 'react';

/** The tab's title names the page, so a screen reader and the history say where one is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · RevOps workspace`;
  }, [title]);
}
