import { theme } from 'antd';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withMotion } from '../pages/dashboard/EChart';
import { renderApp, scriptedFetch, textOf } from '../test-utils';
import { useReducedMotion } from './reducedMotion';

/** A system setting for reduced motion that the spec can change, telling the page as a browser does. */
function systemSetting(reduce: boolean) {
  const listeners = new Set<() => void>();
  const media = (query: string) => ({
    get matches() {
      return query === '(prefers-reduced-motion: reduce)' && reduce;
    },
    media: query,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  });
  vi.spyOn(window, 'matchMedia').mockImplementation(media as unknown as typeof window.matchMedia);
  return {
    set(value: boolean) {
      reduce = value;
      act(() => listeners.forEach((l) => l()));
    },
  };
}

function Motion() {
  const { token } = theme.useToken();
  return (
    <>
      <span data-testid="antd-motion">{String(token.motion)}</span>
      <span data-testid="reduced">{String(useReducedMotion())}</span>
    </>
  );
}

describe('reduced motion, as the system asks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('turns off the components\' motion while the system asks, and on again when the setting changes', () => {
    const setting = systemSetting(true);
    renderApp(<Motion />, { fetch: scriptedFetch({}).fetch });
    expect([textOf('reduced'), textOf('antd-motion')]).toEqual(['true', 'false']);
    setting.set(false);
    expect([textOf('reduced'), textOf('antd-motion')]).toEqual(['false', 'true']);
  });

  it('draws a chart without animation, and with it otherwise (the option is not changed)', () => {
    const option = { series: [{ type: 'bar' as const, data: [1, 2] }] };
    expect(withMotion(option, false)).toEqual({ ...option, animation: false });
    expect(withMotion(option, true)).toBe(option);
    expect(option).not.toHaveProperty('animation');
  });
});
