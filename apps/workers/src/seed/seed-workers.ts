import { maskBankAccount, maskResidentId, residentIdCheckChar } from '@cws/kernel';
import type { PiiCipher } from '@cws/persistence';
import { bandOfRole, type AppointmentRole, type BodyKind, type Education, type PoliticalStatus, type QualificationLevel } from '@cws/workers-contracts';
import type { DataSource } from 'typeorm';
import { AppointmentRepository, type NewAppointment } from '../appointments/appointment.repository';
import { today } from '../common/sql';
import { ElectionRepository } from '../elections/election.repository';
import { deriveMissingGrades } from '../grades/grade-backfill';
import { CommunityBodyRepository } from '../org/community-body.repository';
import { CommunityRepository } from '../org/community.repository';
import { WorkerEventRepository, type NewWorkerEvent } from '../workers/worker-event.repository';
import { WorkerRepository, type NewWorker } from '../workers/worker.repository';

export interface SeedWorkersOptions {
  /** Workers per community (default 12). */
  workersPerCommunity?: number;
  /** Stop after this many workers in total (spread evenly over the communities). */
  totalWorkers?: number;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/** Given names by sex (a name must agree with the sex the resident ID encodes: 17th digit odd = male). */
export const FEMALE_GIVEN = [
  '芳', '娜', '秀英', '敏', '静', '丽', '艳', '娟', '秀兰', '霞', '桂英', '玲', '红', '凤', '云', '欣怡', '嘉琪', '梓涵', '雨萱', '佳慧',
  '丹丹', '晓燕', '海燕', '春梅', '婷婷', '雅婷', '诗涵', '思琪', '慧敏', '丽华', '淑芬', '美玲', '玉兰', '秀珍', '晓红', '文静', '婉清', '若溪', '心怡', '颖',
];
export const MALE_GIVEN = [
  '伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '平', '刚', '建国', '志强', '文斌', '辉', '建华', '晨', '子轩', '浩然',
  '思远', '宇航', '俊杰', '志明', '国庆', '海峰', '建军', '立新', '振华', '伟东', '鹏', '斌', '亮', '宏伟', '德明', '永刚', '晓东', '家豪', '博文', '天宇',
];
const EDUCATION: Education[] = ['JUNIOR_COLLEGE', 'BACHELOR', 'BACHELOR', 'BACHELOR', 'MASTER', 'SENIOR_HIGH', 'VOCATIONAL'];
const POLITICS: PoliticalStatus[] = ['CPC_MEMBER', 'CPC_MEMBER', 'CPC_PROBATIONARY', 'LEAGUE_MEMBER', 'NONE', 'NONE'];
const QUALIFICATION: QualificationLevel[] = ['NONE', 'NONE', 'ASSISTANT', 'ASSISTANT', 'SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR'];

/** A deterministic 32-bit mix (splitmix-style), so generated numbers look random but never change between runs. */
export function mix32(x: number): number {
  let h = (x ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A valid, unique resident ID for the n-th generated person (area = the district, check char computed).
 * Birth date = day n mod 12000 from 1965-01-01; the sequence part (15th–17th digits) is
 * 2 × p + (1 for male), where p is a pseudo-random permutation of the block n ÷ 12000 (0–499) keyed
 * by the birth day: unique per (area, day, block) — so for the first 6,000,000 n — but not sequential
 * in the masks (`**************4827`).
 */
export function demoResidentId(areaCode: string, n: number, sex: 'M' | 'F'): { id: string; birthDate: string } {
  const day = n % 12000;
  const birth = new Date(Date.UTC(1965, 0, 1) + day * 86400000);
  const birthDate = birth.toISOString().slice(0, 10);
  const block = Math.floor(n / 12000) % 500;
  // x ↦ (263·x + k) mod 500 is a bijection (gcd(263, 500) = 1) for any key k.
  const p = (263 * block + (mix32(day) % 500)) % 500;
  const seq = p * 2 + (sex === 'M' ? 1 : 0);
  const first17 = `${areaCode}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return { id: first17 + residentIdCheckChar(first17), birthDate };
}

/** The n-th generated person's name: a surname and a given name that fits the sex. */
export function demoName(n: number, sex: 'M' | 'F'): string {
  const h = mix32(n + 0x5bd1e995);
  const given = sex === 'F' ? FEMALE_GIVEN : MALE_GIVEN;
  return SURNAMES[h % SURNAMES.length] + given[(h >>> 12) % given.length];
}

/** A 16-digit card number that passes Luhn. */
export function demoBankAccount(n: number): string {
  const body = `622202${String(n).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

interface Post {
  body: BodyKind;
  role: AppointmentRole;
  primary: boolean;
}

/**
 * The posts of the i-th worker of a community. Every community gets a party secretary, a committee
 * director and a station head; in two communities out of three the secretary is also the director
 * (一肩挑), and deputies often sit on a second body too (交叉任职).
 */
function postsFor(i: number, oneShoulder: boolean): Post[] {
  if (i === 0) {
    const posts: Post[] = [{ body: 'PARTY', role: 'SECRETARY', primary: true }];
    if (oneShoulder) posts.push({ body: 'COMMITTEE', role: 'DIRECTOR', primary: false });
    return posts;
  }
  if (i === 1) return oneShoulder ? [{ body: 'STATION', role: 'STATION_HEAD', primary: true }, { body: 'PARTY', role: 'MEMBER', primary: false }]
    : [{ body: 'COMMITTEE', role: 'DIRECTOR', primary: true }, { body: 'PARTY', role: 'DEPUTY_SECRETARY', primary: false }];
  if (i === 2) return oneShoulder ? [{ body: 'COMMITTEE', role: 'DEPUTY_DIRECTOR', primary: true }, { body: 'PARTY', role: 'DEPUTY_SECRETARY', primary: false }]
    : [{ body: 'STATION', role: 'STATION_HEAD', primary: true }];
  if (i === 3) return [{ body: 'STATION', role: 'DEPUTY_STATION_HEAD', primary: true }, { body: 'COMMITTEE', role: 'MEMBER', primary: false }];
  if (i === 4) return [{ body: 'COMMITTEE', role: 'MEMBER', primary: true }, { body: 'PARTY', role: 'MEMBER', primary: false }];
  return [{ body: 'STATION', role: 'STAFF', primary: true }];
}

/**
 * Gives every community realistic workers with appointments. Fast for 100,000 workers: explicit
 * ids, the repositories' multi-row INSERTs, one transaction. Idempotent: does nothing if workers exist.
 */
export async function seedDemoWorkers(ds: DataSource, cipher: PiiCipher, opts: SeedWorkersOptions = {}): Promise<{ workers: number; skipped: boolean }> {
  const existing = await WorkerRepository.count(ds.manager);
  if (existing > 0) return { workers: existing, skipped: true };
  const communities = await CommunityRepository.allActive(ds.manager);
  const bodies = await CommunityBodyRepository.all(ds.manager);
  const bodyId = new Map(bodies.map((b) => [`${b.communityCode}/${b.kind}`, b.id]));
  const perCommunity = opts.totalWorkers ? Math.ceil(opts.totalWorkers / Math.max(1, communities.length)) : (opts.workersPerCommunity ?? 12);
  const total = opts.totalWorkers ?? perCommunity * communities.length;

  const workerRows: NewWorker[] = [];
  const appointmentRows: NewAppointment[] = [];
  const eventRows: NewWorkerEvent[] = [];
  let n = 0;
  for (const [ci, c] of communities.entries()) {
    const oneShoulder = ci % 3 !== 2;
    for (let i = 0; i < perCommunity && n < total; i++, n++) {
      const id = n + 1;
      const sex: 'M' | 'F' = n % 5 < 3 ? 'F' : 'M';
      const rid = demoResidentId(c.districtCode, n, sex);
      const bank = demoBankAccount(n);
      const name = demoName(n, sex);
      const birthYear = Number(rid.birthDate.slice(0, 4));
      const hireYear = Math.min(2025, Math.max(birthYear + 22, 2000 + ((n * 37) % 25)));
      const hireDate = `${hireYear}-${String(1 + (n % 12)).padStart(2, '0')}-01`;
      const seconded = n % 97 === 50;
      workerRows.push({
        id, name, sex, birthDate: rid.birthDate, residentId: { enc: cipher.encrypt(rid.id), hash: cipher.hash(rid.id), masked: maskResidentId(rid.id) },
        phone: `13${String(800000000 + n).padStart(9, '0')}`, education: EDUCATION[n % EDUCATION.length], politicalStatus: i < 3 ? 'CPC_MEMBER' : POLITICS[n % POLITICS.length],
        qualificationLevel: QUALIFICATION[(n * 3) % QUALIFICATION.length], qualificationCert: null, hireDate, employmentType: seconded ? 'SECONDED_IN' : 'FULL_TIME',
        bankAccount: { enc: cipher.encrypt(bank), hash: cipher.hash(bank), masked: maskBankAccount(bank) }, bankLuhnOk: true,
        communityCode: c.code, streetCode: c.streetCode, districtCode: c.districtCode,
      });
      eventRows.push({ workerId: id, kind: 'HIRE', date: hireDate, note: null, data: null });
      const termStart = hireDate > '2021-01-01' ? hireDate : '2021-01-01';
      for (const post of postsFor(i, oneShoulder)) {
        const body = bodyId.get(`${c.code}/${post.body}`);
        if (!body) continue;
        appointmentRows.push({
          workerId: id, bodyId: body, communityCode: c.code, bodyKind: post.body, role: post.role, band: bandOfRole(post.role), primary: post.primary,
          obtainedBy: post.body === 'STATION' && post.role === 'STAFF' ? 'RECRUITMENT' : post.body === 'STATION' ? 'APPOINTMENT' : 'ELECTION',
          from: termStart, to: null, electionId: null, termEnd: null,
        });
      }
    }
  }
  await ds.transaction(async (m) => {
    await WorkerRepository.insertMany(m, workerRows);
    await AppointmentRepository.insertMany(m, appointmentRows);
    await WorkerEventRepository.addMany(m, eventRows);
    await deriveMissingGrades(m, today());
    await ElectionRepository.backfill(m);
  });
  return { workers: workerRows.length, skipped: false };
}
