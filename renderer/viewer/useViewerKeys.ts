// Keyboard: PageUp/PageDown and Space a screen, arrows a line (left/right a page when the pages
// fit the width), Home/End the first/last page, Ctrl+F search, Ctrl +/-/0 zoom.
import { useEffect, useRef } from 'react';

export interface ViewerKeys {
  screens: (n: number) => void;
  lines: (dx: number, dy: number) => void;
  page: (delta: number) => void;
  first: () => void;
  last: () => void;
  zoom: (dir: 1 | -1 | 0) => void;
  find: () => void;
  /** True when the pages are wider than the viewport (left/right then scroll sideways). */
  wide: () => boolean;
}

const LINE = 40;

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useViewerKeys(keys: ViewerKeys): void {
  const ref = useRef(keys);
  useEffect(() => {
    ref.current = keys;
  }, [keys]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const k = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      if (e.altKey || e.defaultPrevented) return;
      let handled = true;
      if (mod && e.key.toLowerCase() === 'f') k.find();
      else if (mod && (e.key === '+' || e.key === '=')) k.zoom(1);
      else if (mod && (e.key === '-' || e.key === '_')) k.zoom(-1);
      else if (mod && e.key === '0') k.zoom(0);
      else if (typingIn(e.target)) handled = false;
      else if (e.key === ' ' && (e.target as HTMLElement | null)?.closest?.('button, a'))
        handled = false; // Space presses a focused button
      else if (e.key === 'PageDown' || (e.key === ' ' && !e.shiftKey)) k.screens(1);
      else if (e.key === 'PageUp' || (e.key === ' ' && e.shiftKey)) k.screens(-1);
      else if (e.key === 'Home') k.first();
      else if (e.key === 'End') k.last();
      else if (e.key === 'ArrowDown') k.lines(0, LINE);
      else if (e.key === 'ArrowUp') k.lines(0, -LINE);
      else if (e.key === 'ArrowRight') {
        if (k.wide()) k.lines(LINE, 0);
        else k.page(1);
      } else if (e.key === 'ArrowLeft') {
        if (k.wide()) k.lines(-LINE, 0);
        else k.page(-1);
      } else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
