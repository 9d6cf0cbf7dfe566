import { luhnValid, maskResidentId, parseResidentId, residentIdIssue } from '@cws/kernel';
import { demoBankAccount, demoName, demoResidentId, FEMALE_GIVEN, MALE_GIVEN } from './seed-workers';

const givenOf = (name: string) => name.slice(1);

describe('demo people', () => {
  it('names agree with the sex the resident ID encodes (17th digit even = female)', () => {
    for (let n = 0; n < 20_000; n += 3) {
      const sex: 'M' | 'F' = n % 5 < 3 ? 'F' : 'M';
      const { id } = demoResidentId('330106', n, sex);
      const derived = parseResidentId(id).sex;
      expect(derived).toBe(sex);
      const name = demoName(n, derived);
      expect(derived === 'F' ? FEMALE_GIVEN : MALE_GIVEN).toContain(givenOf(name));
      expect(derived === 'F' ? MALE_GIVEN : FEMALE_GIVEN).not.toContain(givenOf(name));
    }
    // the two lists do not overlap, so a name never fits both sexes
    expect(FEMALE_GIVEN.filter((g) => MALE_GIVEN.includes(g))).toEqual([]);
  });

  it('masked IDs do not look sequential', () => {
    const tails = Array.from({ length: 1000 }, (_, n) => maskResidentId(demoResidentId('330106', n, 'F').id).slice(-4, -1));
    expect(new Set(tails).size).toBeGreaterThan(300);
    let ascending = 0;
    for (let i = 1; i < tails.length; i++) if (Number(tails[i]) === Number(tails[i - 1]) + 2) ascending++;
    expect(ascending).toBeLessThan(20);
  });

  it('IDs stay valid, unique and deterministic over 300,000 people of one district', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 300_000; n++) {
      const { id } = demoResidentId('330106', n, n % 5 < 3 ? 'F' : 'M');
      if (n % 997 === 0) expect(residentIdIssue(id)).toBeNull();
      seen.add(id);
    }
    expect(seen.size).toBe(300_000);
    expect(demoResidentId('330106', 12345, 'M')).toEqual(demoResidentId('330106', 12345, 'M'));
    expect(demoName(42, 'F')).toBe(demoName(42, 'F'));
  });
});

describe('demo identifiers', () => {
  it('are valid and unique across 100,000 people', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 100_000; n += 7) {
      const { id } = demoResidentId('330106', n, n % 2 ? 'M' : 'F');
      expect(residentIdIssue(id)).toBeNull();
      seen.add(id);
    }
    expect(seen.size).toBe(Math.ceil(100_000 / 7));
    expect(luhnValid(demoBankAccount(123))).toBe(true);
  });
});
