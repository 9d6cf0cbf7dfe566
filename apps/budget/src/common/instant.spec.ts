import { seededRandom } from '@cws/kernel';
import { instantFromDb } from './instant';

describe('instantFromDb', () => {
  it('answers what the driver\'s Date (time zone Z) answered with toISOString, over DATETIME\'s whole range', () => {
    const min = Date.UTC(1000, 0, 1);
    const max = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    const samples = [min, max, Date.UTC(2026, 1, 28, 23, 59, 59, 999), Date.UTC(2028, 1, 29), Date.UTC(2026, 10, 30, 10, 39, 25, 962)];
    const random = seededRandom(20261130); // seeded: a failure names a value that fails again
    for (let i = 0; i < 2000; i++) samples.push(min + Math.floor(random() * (max - min)));
    for (const t of samples) {
      const iso = new Date(t).toISOString();
      // the column's text: what MariaDB prints for DATETIME(3)
      const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
      expect(instantFromDb(text)).toBe(iso);
    }
  });

  it('refuses any other text rather than guess', () => {
    for (const v of ['2026-03-02 08:15:00', '2026-03-02 08:15:00.000000', '2026-03-02T08:15:00.000Z', '2026-03-02', '']) {
      expect(() => instantFromDb(v)).toThrow(RangeError);
    }
  });
});
