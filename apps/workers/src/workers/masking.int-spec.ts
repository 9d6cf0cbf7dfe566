import { residentIdCheckChar } from '@cws/kernel';
import { testPrincipals, type TestApp } from '@cws/testing';
import { startSeededWorkers } from '@cws/workers-testing';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Every YYYYMMDD of a year. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10).replace(/-/g, ''));
  return out;
}

/**
 * What an attacker holding every list and detail response learns about one resident ID, and the
 * IDs consistent with it that pass the GB 11643 checksum. Area: the revealed leading digits, else
 * the worker's district code (the attack). Birth date: a full date field, else every day
 * of the revealed birth year. Tail: every revealed character of the mask.
 */
function candidates(responses: Array<Record<string, unknown>>): string[] {
  const merged = Object.assign({}, ...responses) as Record<string, unknown>;
  const masked = String(merged.residentIdMasked);
  expect(masked).toHaveLength(18);
  const lead = /^\d+/.exec(masked)?.[0] ?? '';
  const area = lead.length >= 6 ? lead.slice(0, 6) : (lead + String(merged.districtCode).slice(lead.length)).slice(0, 6);
  const fullDate = Object.values(merged).find((v): v is string => typeof v === 'string' && DATE.test(v) && v === merged.birthDate);
  const year = Number(merged.birthYear ?? (fullDate ?? '').slice(0, 4));
  const dates = fullDate ? [fullDate.replace(/-/g, '')] : year ? daysOf(year) : [];
  const out: string[] = [];
  const known = (i: number) => (masked[i] === '*' ? null : masked[i]);
  for (const date of dates) {
    for (let seq = 0; seq < 1000; seq++) {
      const s = String(seq).padStart(3, '0');
      if ([14, 15, 16].some((i, k) => known(i) !== null && known(i) !== s[k])) continue;
      const first17 = area + date + s;
      const check = residentIdCheckChar(first17);
      if (known(17) !== null && known(17) !== check) continue;
      out.push(first17 + check);
    }
  }
  return out;
}

describe('masking cannot be undone: no list or detail response rebuilds a resident ID (real MySQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startSeededWorkers({ workers: 80 });
  });
  afterAll(() => t?.close());

  it('leaves every worker with many checksum-valid candidates, the true ID among them', async () => {
    const admin = t.tokenFor(testPrincipals.cityAdmin());
    const list = await t.request('GET', '/v1/workers?limit=40', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBe(40);
    let fewest = Infinity;
    let checked = 0;
    for (const row of list.body.items as Array<Record<string, unknown>>) {
      // lists: at most the last four characters, the birth year not the date
      expect(String(row.residentIdMasked)).toMatch(/^\*{14}[\dX]{4}$/);
      expect(row).not.toHaveProperty('birthDate');
      const detail = (await t.request('GET', `/v1/workers/${row.id}`, { token: admin })).body as Record<string, unknown>;
      expect(JSON.stringify(detail)).not.toMatch(/"\d{6}(19|20)\d{2}[01]\d[0-3]\d/); // no whole ID or area+date run anywhere
      const found = candidates([row, detail]);
      // the attack is sound: what the audited show action reveals is among the candidates
      const truth = (await t.request('GET', `/v1/workers/${row.id}/pii`, { token: admin })).body.residentId as string;
      if (truth.slice(0, 6) === String(detail.districtCode)) {
        expect(found).toContain(truth);
        checked++;
      }
      fewest = Math.min(fewest, found.length);
    }
    expect(checked).toBeGreaterThan(20);
    // ≥ 8 unknown digits of 18 (area 6 + month and day 4 here): far from one candidate
    expect(fewest).toBeGreaterThanOrEqual(10);
  });
});
