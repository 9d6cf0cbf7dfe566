import { Injectable } from '@nestjs/common';
import { DomainError, formatMoney, parseMoney, validationError, type ErrorDetail, type Principal } from '@cws/kernel';
import type { DeclaredContributionBasePageView, DeclaredContributionBasesResultView, DeclaredContributionBaseView } from '@cws/payroll-contracts';
import { periodLastDay } from '@cws/payroll-engine';
import { inTransaction } from '@cws/persistence';
import { actor, AuditService, visibleRow } from '@cws/platform';
import { DataSource } from 'typeorm';
import { WorkforceClient } from '../benchmark/workforce.client';
import { effectiveScope } from '../common/access';
import type { DeclaredBaseEntity } from './declared-base.entity';
import { DeclaredBaseRepository, type DeclaredBaseFields } from './declared-base.repository';
import type { DeclareBasesDto, DeclaredBasesQueryDto } from './declared-bases.dto';

/** Most bad items named in one 400 (a 5,000-row file with one wrong column names its first twenty). */
const MAX_DETAILS = 20;
/** The workers snapshot's largest page. */
const SNAPSHOT_PAGE = 5000;

/**
 * Contribution bases HR declares (docs/payroll.md "Contribution base"): validated against the workforce of the
 * caller's scope in the declared month, written all or nothing, each one audited.
 */
@Injectable()
export class DeclaredBasesService {
  constructor(
    private readonly audit: AuditService,
    private readonly bases: DeclaredBaseRepository,
    private readonly dataSource: DataSource,
    private readonly workforce: WorkforceClient,
  ) {}

  async declare(p: Principal, dto: DeclareBasesDto): Promise<DeclaredContributionBasesResultView> {
    const firstIndex = new Map<number, number>();
    dto.items.forEach((it, i) => {
      const seen = firstIndex.get(it.workerId);
      if (seen !== undefined) throw validationError('DUPLICATE_WORKER', `items[${i}].workerId`, `worker ${it.workerId} is listed twice (also items[${seen}])`);
      firstIndex.set(it.workerId, i);
    });
    // Employed in the caller's scope on the month's last day: the place is the one the declaration is filed under.
    // Only the id range the list spans is read (the snapshot comes in id order): one worker, one row, even city-wide.
    // The range holds at most `last − first + 1` workers, so that (capped) is the page: two ids far apart are a few
    // full pages, not a page per pair of rows.
    const asOf = periodLastDay(dto.validFrom);
    const ids = [...firstIndex.keys()].sort((a, b) => a - b);
    const [first, last] = [ids[0], ids[ids.length - 1]];
    const places = new Map<number, { districtCode: string; streetCode: string }>();
    await this.workforce.forEachPage(asOf, effectiveScope(p), async (page) => {
      for (const s of page) if (firstIndex.has(s.workerId)) places.set(s.workerId, { districtCode: s.districtCode, streetCode: s.streetCode });
      return page.length && page[page.length - 1].workerId >= last ? 'stop' : undefined;
    }, { from: first, pageSize: Math.min(last - first + 1, SNAPSHOT_PAGE) });
    const strangers: ErrorDetail[] = [];
    dto.items.forEach((it, i) => {
      if (!places.has(it.workerId)) strangers.push({ path: `items[${i}].workerId`, issue: `worker ${it.workerId} is not employed in your scope on ${asOf}`, code: 'WORKER_NOT_IN_SCOPE' });
    });
    if (strangers.length) throw new DomainError('VALIDATION', 'WORKER_NOT_IN_SCOPE', `${strangers.length} worker(s) are not employed in your scope on ${asOf}`, strangers.slice(0, MAX_DETAILS));

    const rows: DeclaredBaseFields[] = dto.items.map((it) => ({
      workerId: it.workerId, validFrom: dto.validFrom, base: formatMoney(parseMoney(it.base)),
      housingFundBase: it.housingFundBase === undefined ? null : formatMoney(parseMoney(it.housingFundBase)), note: it.note ?? null, ...places.get(it.workerId)!,
    }));
    return inTransaction(this.dataSource, async (m) => {
      const before = new Map((await this.bases.ofMonthForUpdate(m, rows.map((r) => r.workerId), dto.validFrom)).map((b) => [Number(b.workerId), b]));
      await this.bases.replace(m, dto.validFrom, rows, actor(p));
      await this.audit.recordMany(m, rows.map((r) => {
        const old = before.get(r.workerId);
        return {
          entity: 'declared_contribution_base', entityId: String(r.workerId), action: old ? 'REPLACE' : 'DECLARE',
          before: old ? fieldsOf(old) : null, after: r, districtCode: r.districtCode, streetCode: r.streetCode,
        };
      }));
      return { validFrom: dto.validFrom, created: rows.length - before.size, replaced: before.size };
    });
  }

  async list(p: Principal, q: DeclaredBasesQueryDto): Promise<DeclaredContributionBasePageView> {
    const page = await this.bases.page(p.scope, { ...q, limit: q.limit ?? 100 });
    return { items: page.items.map(viewOf), nextAfter: page.nextAfter };
  }

  /** Withdraws a declaration made in error (the audit log keeps it); the next computation falls back to the wages. */
  async withdraw(p: Principal, id: string): Promise<void> {
    await inTransaction(this.dataSource, async (m) => {
      const row = visibleRow(p, await this.bases.findById(id, m), 'declared_contribution_base', id);
      await this.bases.delete(m, id);
      await this.audit.record(m, { entity: 'declared_contribution_base', entityId: row.workerId, action: 'WITHDRAW', before: fieldsOf(row), after: null, districtCode: row.districtCode, streetCode: row.streetCode });
    });
  }
}

function fieldsOf(d: DeclaredBaseEntity): DeclaredBaseFields {
  return {
    workerId: Number(d.workerId), validFrom: d.validFrom, base: String(d.base), housingFundBase: d.housingFundBase === null ? null : String(d.housingFundBase),
    note: d.note, districtCode: d.districtCode, streetCode: d.streetCode,
  };
}

function viewOf(d: DeclaredBaseEntity): DeclaredContributionBaseView {
  return { id: String(d.id), ...fieldsOf(d), declaredBy: d.declaredByName, declaredAt: d.declaredAt.toISOString() };
}
