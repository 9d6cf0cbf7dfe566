import { pacer } from './pacer';

describe('pacer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('lets the first call through at once and each later one a gap after the one before, callers waiting together or not', async () => {
    const turn = pacer(600); // a gap of 100 ms
    const started: number[] = [];
    const call = () => turn().then(() => started.push(Date.now() - 1_000_000));
    const four = [call(), call(), call(), call()];
    await jest.advanceTimersByTimeAsync(1_000);
    await Promise.all(four);
    expect(started).toEqual([0, 100, 200, 300]);
    // after a pause longer than the gap, the next call goes at once again
    await call();
    expect(started.at(-1)).toBe(1_000);
  });
});
