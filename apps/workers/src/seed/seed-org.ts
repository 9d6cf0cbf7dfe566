import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { bodyName } from '@cws/workers-core';
import type { DataSource } from 'typeorm';
import { UserRepository } from '../identity/app-user.repository';
import { CommunityBodyRepository, type NewCommunityBody } from '../org/community-body.repository';
import { CommunityRepository, type NewCommunity } from '../org/community.repository';
import { DistrictRepository } from '../org/district.repository';
import { StreetRepository } from '../org/street.repository';
import { DEMO_DISTRICTS, DEMO_USERS, EXTRA_DISTRICTS, type DemoDistrict } from './demo-org';

export interface SeedOrgOptions {
  password: string;
  /** Total communities wanted (≥ the 36 named ones); more are generated for large cities. */
  communities?: number;
}

/** Builds the demo districts, streets, communities with their three bodies, and demo users. Idempotent. */
export async function seedOrgAndUsers(ds: DataSource, opts: SeedOrgOptions): Promise<{ communities: string[] }> {
  const districts = planDistricts(opts.communities ?? 36);
  const communities: string[] = [];
  await ds.transaction(async (m) => {
    for (const d of districts) {
      await DistrictRepository.insertMany(m, [{ code: d.code, name: d.name, kind: d.name.endsWith('区') ? 'DISTRICT' : 'COUNTY_CITY' }], { skipExisting: true });
      for (const [si, s] of d.streets.entries()) {
        const streetCode = d.code + String(si + 1).padStart(3, '0');
        await StreetRepository.insertMany(m, [{ code: streetCode, name: s.name, districtCode: d.code, kind: 'STREET' }], { skipExisting: true });
        const rows: NewCommunity[] = [];
        const bodies: NewCommunityBody[] = [];
        for (const [ci, name] of s.communities.entries()) {
          const code = streetCode + String(ci + 1).padStart(3, '0');
          communities.push(code);
          const households = 1500 + ((ci * 733 + si * 211) % 3000);
          const floor = 400 + ((ci * 97 + si * 31) % 800);
          // Most communities meet the 60 % activity-area share; every seventh does not, to show the flag.
          const share = (ci + si) % 7 === 3 ? 0.52 : 0.64 + ((ci * 13) % 20) / 100;
          rows.push({
            code, name, streetCode, districtCode: d.code, households, population: Math.round(households * 2.6), floorArea: floor.toFixed(2),
            activityArea: (floor * share).toFixed(2), facilities: null,
          });
          for (const kind of ['PARTY', 'COMMITTEE', 'STATION'] as const) bodies.push({ communityCode: code, kind, name: bodyName(name, kind) });
        }
        if (rows.length) {
          await CommunityRepository.insertMany(m, rows, { skipExisting: true });
          await CommunityBodyRepository.insertMany(m, bodies, { skipExisting: true });
        }
      }
    }
    const hash = await bcrypt.hash(opts.password, 10);
    await UserRepository.insertMissing(
      m,
      DEMO_USERS.map((u) => ({
        id: randomUUID(), username: u.username, displayName: u.displayName, passwordHash: hash, roles: u.roles,
        scopeLevel: u.scopeLevel, scopeDistrict: u.scopeDistrict ?? null, scopeStreet: u.scopeStreet ?? null,
      })),
    );
  });
  return { communities };
}

/** The 36 named communities, then generated ones spread over more districts for large cities. */
function planDistricts(wanted: number): DemoDistrict[] {
  const plan: DemoDistrict[] = DEMO_DISTRICTS.map((d) => ({ ...d, streets: d.streets.map((s) => ({ ...s, communities: [...s.communities] })) }));
  let extra = wanted - 36;
  let n = 0;
  const all = [...plan.map((d) => ({ code: d.code, name: d.name })), ...EXTRA_DISTRICTS];
  while (extra > 0) {
    const target = all[n % all.length];
    let d = plan.find((p) => p.code === target.code);
    if (!d) plan.push((d = { ...target, streets: [] }));
    const streetNo = d.streets.length + 1;
    const count = Math.min(extra, 12);
    d.streets.push({ name: `${d.name.slice(0, 2)}第${streetNo}街道`, communities: Array.from({ length: count }, (_, i) => `${d!.name.slice(0, 2)}${streetNo}-${i + 1}社区`) });
    extra -= count;
    n++;
  }
  return plan;
}
