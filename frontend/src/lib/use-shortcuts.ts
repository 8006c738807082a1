import { useEffect, useRef } from 'react';

/**
 * Single-key shortcuts (`j`, `k`, `a`…) for the page, ignored while the analyst types in a
 * field or holds a modifier.
 */
export function useShortcuts(handlers: Record<string, () => void>): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers; // the latest handlers, without re-binding the listener
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const handler = current.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
