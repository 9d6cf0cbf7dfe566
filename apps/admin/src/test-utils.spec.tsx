import { describe, expect, it } from 'vitest';
import { renderApp, scriptedFetch, xihuHr } from './test-utils';

const probe = () => document.querySelector('[data-testid="probe"]');

// the two tests run in order: the second sees what the first left behind
describe('renderApp', () => {
  it('mounts the piece into the document', () => {
    renderApp(<span data-testid="probe" />, { fetch: scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr }).fetch });
    expect(probe()).not.toBeNull();
  });

  it('unmounts it when the test that rendered it ends', () => {
    expect(probe()).toBeNull();
  });
});
