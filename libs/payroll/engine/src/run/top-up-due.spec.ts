import { topUpsDue } from './top-up-due';

describe('topUpsDue: a TOP_UP run pays the latest result less what the year’s settled top-ups paid', () => {
  it('the first run of the year pays each amount owed', () => {
    expect(topUpsDue(new Map([[1, 120_000n], [2, 5_050n]]), new Map())).toEqual({ due: new Map([[1, 120_000n], [2, 5_050n]]), deducted: 0, overpaid: [] });
  });

  it('a second run pays the difference only, to the fen, and nothing to a worker already paid what is owed', () => {
    const owed = new Map([[1, 150_001n], [2, 5_050n], [3, 80_000n]]);
    const paid = new Map([[1, 120_000n], [2, 5_050n]]);
    expect(topUpsDue(owed, paid)).toEqual({ due: new Map([[1, 30_001n], [3, 80_000n]]), deducted: 1, overpaid: [] });
  });

  it('names workers paid more than the new result owes (or no longer owed any), and takes nothing back', () => {
    const owed = new Map([[1, 100_000n]]);
    const paid = new Map([[1, 120_000n], [4, 9_000n], [2, 1n]]);
    expect(topUpsDue(owed, paid)).toEqual({ due: new Map(), deducted: 0, overpaid: [1, 2, 4] });
  });
});
