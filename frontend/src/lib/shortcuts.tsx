import { useEffect, useRef, useState } from 'react';

const SETTING = 'revops.shortcuts';

/** Whether single-key shortcuts are on (the default); an analyst may turn them off. */
export const shortcutsOn = (): boolean => localStorage.getItem(SETTING) !== 'off';

/**
 * Single-key shortcuts (`j`, `k`, `a`…) for the page, ignored while the analyst types in a
 * field, holds a modifier, or has turned them off (WCAG 2.1.4: speech input types letters).
 */
export function useShortcuts(handlers: Record<string, () => void>): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers; // the latest handlers, without re-binding the listener
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || !shortcutsOn()) return;
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

/** The switch for single-key shortcuts, kept in this browser. */
export function ShortcutsToggle({ keys }: { keys: string }) {
  const [on, setOn] = useState(shortcutsOn);
  return (
    <label className="shortcuts">
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => {
          localStorage.setItem(SETTING, event.target.checked ? 'on' : 'off');
          setOn(event.target.checked);
        }}
      />{' '}
      Single-key shortcuts ({keys})
    </label>
  );
}
