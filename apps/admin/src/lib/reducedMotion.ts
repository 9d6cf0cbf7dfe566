// A user who asks their system for reduced motion (WCAG 2.3.3) gets none: no sliding drawers, fading lists or
// growing charts. Browser tests ask for it too, so a test waits for the page, not for an animation to end.
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia?.(QUERY);
  media?.addEventListener?.('change', onChange);
  return () => media?.removeEventListener?.('change', onChange);
}

const reduced = (): boolean => window.matchMedia?.(QUERY).matches === true;

/** True while the system asks for reduced motion; follows a change of the setting without a reload. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, reduced, () => false);
}
