import { eachAtMost } from './concurrency';

describe('eachAtMost', () => {
  it('runs every item once, never more than `atOnce` at a time, starting them in order', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await eachAtMost([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, n % 3));
      running--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('does nothing for no items, and rejects with the first failure', async () => {
    await expect(eachAtMost([], 4, async () => { throw new Error('never'); })).resolves.toBeUndefined();
    await expect(eachAtMost([1, 2], 2, async (n) => { if (n === 2) throw new Error('two'); })).rejects.toThrow('two');
  });
});
