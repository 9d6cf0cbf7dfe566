import { Injectable } from '@nestjs/common';
import { districtOf, DomainError, formatMoney, fullYearsBetween, lastDayOfMonth, type Principal } from '@cws/kernel';
import { deductionsYearToDate } from '@cws/workers-core';
import { PiiCipher } from '@cws/persistence';
import type { BodyKind, PostBand, WorkerSnapshot, WorkerSnapshotPage, WorkerStatus } from '@cws/workers-contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '@cws/platform';
import { receivesWholeBankAccounts } from '../common/access';
import type { WorkerRange } from '../common/worker-range';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { GradeRepository } from '../grades/grade.repository';
import { SecondmentRepository } from '../secondments/secondment.repository';
import { SpecialDeductionRepository } from '../special-deductions/special-deduction.repository';
import { WorkerTaxYearRepository } from '../special-deductions/worker-tax-year.repository';
import { WorkerLeaveRepository } from '../workers/worker-leave.repository';
import { WorkerByDayRepository } from '../workers/worker-by-day.repository';
import type { SnapshotQueryDto } from './snapshots.dto';

const BAND_RANK: Record<PostBand, number> = { HEAD: 0, DEPUTY: 1, OTHER: 2 };
const BANDS_BY_RANK: readonly PostBand[] = ['HEAD', 'DEPUTY', 'OTHER'];
const BODY_BIT: Record<BodyKind, number> = { PARTY: 1, COMMITTEE: 2, STATION: 4 };
/** Number of bodies in a 3-bit mask. */
const BODY_COUNT = [0, 1, 1, 2, 1, 2, 2, 3];

/**
 * Effective-dated snapshots for payroll: one keyset page of workers employed on `asOf`, with the
 * posts and secondment in force that day, and the year's special deductions through its month and tax flags. One
 * indexed range query per table a page (each in its table's repository), no N+1.
 */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly dataSource: DataSource,
  ) {}

  /** One page, and its audit row: who pulled, when, which slice, how many rows, whether bank accounts were whole. */
  async page(p: Principal, q: SnapshotQueryDto): Promise<WorkerSnapshotPage> {
    if (q.identities && !receivesWholeBankAccounts(p)) {
      throw new DomainError('FORBIDDEN', 'IDENTITIES_NOT_PERMITTED', 'resident IDs go only to the payroll service\'s own client (payroll:read), for the income-tax declaration');
    }
    const result = await this.read(p, q);
    const district = q.scope ? districtOf(q.scope) : p.scope.level === 'CITY' ? null : p.scope.district ?? null;
    await this.audit.record(null, {
      entity: 'worker_snapshot',
      entityId: q.asOf,
      action: q.identities ? 'PULL_WITH_IDENTITIES' : receivesWholeBankAccounts(p) ? 'PULL_WITH_BANK_ACCOUNTS' : 'PULL',
      after: {
        asOf: q.asOf, scope: q.scope ?? null, after: q.after ?? null, ...(q.workers ? { workers: q.workers.split(',').length } : {}), rows: result.items.length, bankAccounts: receivesWholeBankAccounts(p) ? 'WHOLE' : 'LAST_4',
        residentIds: q.identities ? 'WHOLE' : 'NONE',
      },
      districtCode: district,
    });
    return result;
  }

  private async read(p: Principal, q: SnapshotQueryDto): Promise<WorkerSnapshotPage> {
    const limit = q.limit ?? 1000;
    const asOf = q.asOf;
    const fullBank = receivesWholeBankAccounts(p);
    const m = this.dataSource.manager;
    const { items: page, nextAfter } = await WorkerByDayRepository.employedPage(m, p.scope, { asOf, after: q.after, limit, scope: q.scope, workerIds: q.workers?.split(',').map(Number), identities: q.identities, fullBank });
    if (!page.length) return { asOf, items: [], nextAfter: null };
    // the page's id range; named workers by their ids (a few spread over the register would make the range nearly all of it)
    const range: WorkerRange = { first: Number(page[0].id), last: Number(page[page.length - 1].id), ...(q.workers ? { ids: page.map((w) => Number(w.id)) } : {}) };
    const monthStart = `${asOf.slice(0, 7)}-01`;
    const [posts, secondments, leaves, grades, deductions, taxFlags, hostPaid] = await Promise.all([
      AppointmentRepository.inForceForRange(m, range, asOf),
      SecondmentRepository.inForceForRange(m, range, asOf),
      WorkerLeaveRepository.onLeaveInRange(m, range, asOf),
      GradeRepository.inForceForRange(this.dataSource.manager, range, asOf),
      SpecialDeductionRepository.forRange(m, range, asOf.slice(0, 4)),
      WorkerTaxYearRepository.forRange(m, range, Number(asOf.slice(0, 4))),
      SecondmentRepository.hostPaidForRange(m, range, monthStart, lastDayOfMonth(asOf)),
    ]);
    const hostPaidBy = new Map<number, Array<{ from: string; to: string }>>();
    for (const h of hostPaid) hostPaidBy.set(h.workerId, [...(hostPaidBy.get(h.workerId) ?? []), { from: h.from, to: h.to }]);
    // One pass over each result set; rows of posts come ordered by worker, so a cursor walks them
    // alongside the workers (no per-worker Map, Set or filtered arrays).
    const secondmentBy = new Map<number, { direction: 'OUT' | 'IN'; payer: 'HOME' | 'HOST'; from: string; to: string | null }>();
    for (const s of secondments) secondmentBy.set(Number(s.workerId), { direction: s.direction, payer: s.payer, from: s.from, to: s.to });
    const onLeave = new Set<number>();
    for (const workerId of leaves) onLeave.add(workerId);
    const yearsByHireDate = new Map<string, number>();
    let gi = 0;

    const items: WorkerSnapshot[] = new Array(page.length);
    let pi = 0;
    for (let i = 0; i < page.length; i++) {
      const w = page[i];
      const id = Number(w.id);
      while (pi < posts.length && Number(posts[pi].workerId) < id) pi++;
      const appointments: WorkerSnapshot['appointments'] = [];
      let primaryBand: PostBand | null = null;
      let primaryBody: BodyKind | null = null;
      let bestRank = BAND_RANK.OTHER;
      let bodies = 0;
      while (pi < posts.length && Number(posts[pi].workerId) === id) {
        const a = posts[pi++];
        appointments.push({ bodyKind: a.bodyKind, role: a.role, from: a.from, to: a.to });
        bodies |= BODY_BIT[a.bodyKind as BodyKind];
        const rank = BAND_RANK[a.band as PostBand];
        if (rank < bestRank) bestRank = rank;
        if (primaryBand === null && Number(a.isPrimary) === 1) {
          primaryBand = a.band;
          primaryBody = a.bodyKind;
        }
      }
      while (gi < grades.length && grades[gi].workerId < id) gi++;
      const grade = gi < grades.length && grades[gi].workerId === id ? grades[gi] : null;
      const secondment = secondmentBy.get(id) ?? null;
      const status: WorkerStatus = secondment?.direction === 'OUT' ? 'SECONDED_OUT' : onLeave.has(id) ? 'ON_LEAVE' : 'ACTIVE';
      const hireDate: string = w.hireDate;
      let serviceYears = yearsByHireDate.get(hireDate);
      if (serviceYears === undefined) {
        serviceYears = fullYearsBetween(hireDate, asOf);
        yearsByHireDate.set(hireDate, serviceYears);
      }
      items[i] = {
        workerId: id,
        name: w.name,
        districtCode: w.districtCode,
        streetCode: w.streetCode,
        communityCode: w.communityCode,
        placeSince: w.placeSince,
        employmentType: w.employmentType,
        status,
        postBand: primaryBand ?? BANDS_BY_RANK[bestRank],
        education: w.education,
        hireDate,
        serviceYears,
        grade: grade?.grade ?? null,
        gradeBand: grade?.band ?? null,
        gradeDerived: grade?.derived ?? false,
        gradeSince: grade?.from ?? null,
        priorServiceMonths: Number(w.priorServiceMonths),
        qualificationLevel: w.qualificationLevel,
        appointments,
        bodiesHeld: BODY_COUNT[bodies],
        primaryBody,
        secondment,
        hostPaidInMonth: hostPaidBy.get(id) ?? [],
        taxFlags: taxFlags.get(id) ?? null,
        specialDeductionsYtd: formatMoney(deductionsYearToDate(deductions.get(id) ?? [], asOf.slice(0, 7), hireDate)),
        bankAccount: fullBank ? (w.bankEnc ? this.cipher.decrypt(w.bankEnc) : null) : w.bankMasked ?? null,
        ...(q.identities ? { residentId: this.cipher.decrypt(w.residentIdEnc!) } : {}),
      };
    }
    return { asOf, items, nextAfter };
  }
}
