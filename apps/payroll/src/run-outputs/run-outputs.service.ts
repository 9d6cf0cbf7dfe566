import { Injectable } from '@nestjs/common';
import { conflict, DomainError, formatMoney, notFound, type Fen, type Principal } from '@cws/kernel';
import {
  buildBankFiles, buildRegister, compilePolicy, housingFundList, iitDeclaration, periodLastDay, socialInsuranceList, taxFreeCodesOf, type BaseBounds, type OutputPayslip, type PayingAccount,
} from '@cws/payroll-engine';
import { WorkforceClient } from '../benchmark/workforce.client';
import { AuditService, FILE_MEDIA_TYPES, type FileOut } from '@cws/platform';
import { PolicyService } from '../policy/policy.service';
import { PayrollRunReadsService } from '../runs/payroll-run-reads.service';
import type { PayrollRunEntity } from '../runs/payroll-run.entities';
import { payslipPdf } from './payslip-pdf';
import { RunSlipsReader } from './run-slips.reader';
import { registerXlsx, tablesXlsx } from './xlsx-writers';
import type { BankFileEntryView } from '@cws/payroll-contracts';
import { WorkforceChangeRepository } from '../workforce-changes/workforce-change.repository';

export const DECLARATION_KINDS = ['iit', 'social-insurance', 'housing-fund'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];
/** The declarations that name no one by identifier (the IIT declaration carries whole resident IDs and has its own route). */
export const CONTRIBUTION_LISTS = ['social-insurance', 'housing-fund'] as const;

const XLSX = FILE_MEDIA_TYPES.xlsx;

/**
 * The outputs of a run (register, bank files, declarations, payslip PDFs), each built by a pure
 * builder from the run's computed payslips within the caller's scope. A run outside the scope is
 * 404 on every route, like a run that does not exist.
 */
@Injectable()
export class RunOutputsService {
  constructor(
    private readonly audit: AuditService,
    private readonly changes: WorkforceChangeRepository,
    private readonly policy: PolicyService,
    private readonly reads: PayrollRunReadsService,
    private readonly slips: RunSlipsReader,
    private readonly workforce: WorkforceClient,
  ) {}

  async register(p: Principal, runId: string): Promise<FileOut> {
    const run = await this.slips.run(p, runId);
    const reg = buildRegister(await this.slips.slips(p, run));
    const buffer = await registerXlsx(reg, { runId: run.id, period: run.period, scope: run.scopeCode, status: run.status });
    return { buffer, filename: `payroll-register-${run.period}-run-${run.id}.xlsx`, type: XLSX };
  }

  /** Bank files exist once the run is approved (four eyes before money moves). */
  private async bankFilesOf(p: Principal, runId: string) {
    const run = await this.slips.run(p, runId);
    if (run.status !== 'APPROVED' && run.status !== 'PAID') {
      throw conflict('PAYROLL_RUN_NOT_APPROVED', `run ${runId} is ${run.status}: bank files are cut for an APPROVED or PAID run`);
    }
    const accounts = await this.payingAccounts(run);
    const { files, unassigned } = buildBankFiles(run.id, await this.slips.slips(p, run), accounts);
    if (unassigned.length) {
      const places = [...new Set(unassigned.map((s) => s.districtCode))].sort();
      throw new DomainError('UNPROCESSABLE', 'PAYING_ACCOUNT_MISSING', `no PAYING_ACCOUNT policy row covers ${places.join(', ')} on ${periodLastDay(run.period)}`,
        places.map((d) => ({ path: `PAYING_ACCOUNT:${d}`, issue: `no paying account for ${unassigned.filter((s) => s.districtCode === d).length} payees` })));
    }
    return { run, files };
  }

  async bankFiles(p: Principal, runId: string): Promise<BankFileEntryView[]> {
    const { run, files } = await this.bankFilesOf(p, runId);
    return files.map((f) => ({
      payingAccount: f.payingAccount,
      payingAccountName: f.payingAccountName,
      count: f.count,
      total: formatMoney(f.totalFen),
      url: `/api/payroll/v1/runs/${run.id}/bank-files/${f.payingAccount}.csv`,
      missingAccounts: f.missingAccounts.map((m) => ({ payslipId: m.payslipId, workerId: m.workerId, net: formatMoney(m.netFen) })),
    }));
  }

  async bankFileCsv(p: Principal, runId: string, account: string): Promise<FileOut> {
    const { run, files } = await this.bankFilesOf(p, runId);
    const f = files.find((x) => x.payingAccount === account);
    if (!f) throw notFound('bank_file', `${runId}/${account}`);
    await this.recordExport(p, run, { file: 'bank', payingAccount: account, payees: f.count });
    return { buffer: Buffer.from(f.csv, 'utf8'), filename: `payroll-${run.period}-run-${run.id}-${account}.csv`, type: 'text/csv; charset=utf-8' };
  }

  async declaration(p: Principal, runId: string, kind: DeclarationKind): Promise<FileOut> {
    const run = await this.slips.run(p, runId);
    const slips = await this.slips.slips(p, run);
    let tables;
    if (kind === 'iit') {
      const taxFreeCodes = await this.taxFreeCodes(run);
      const taxFreeOf = (s: OutputPayslip): Fen => s.lines.reduce((a, l) => (l.kind === 'EARNING' && taxFreeCodes.has(l.code) ? a + l.amountFen : a), 0n);
      const ids = await this.residentIds(run);
      tables = iitDeclaration(slips, (id) => ({ idType: null, idNumber: ids.get(id) ?? null }), taxFreeOf);
      await this.recordExport(p, run, { file: 'iit', rows: slips.length });
    } else {
      const bounds = await this.baseBounds(run);
      tables = [kind === 'social-insurance' ? socialInsuranceList(slips, bounds) : housingFundList(slips, bounds.get('HOUSING_FUND') ?? null)];
    }
    return { buffer: await tablesXlsx(tables), filename: `${kind}-${run.period}-run-${run.id}.xlsx`, type: XLSX };
  }

  async payslipPdf(p: Principal, payslipId: string): Promise<FileOut> {
    const slip = await this.reads.payslip(p, payslipId);
    const run = await this.reads.runInScope(p, slip.runId);
    if (slip.status !== 'COMPUTED') throw conflict('PAYSLIP_FAILED', `payslip ${payslipId} failed (${slip.failure?.code ?? 'unknown'}): there is nothing to print`);
    const buffer = await payslipPdf(slip, { id: run.id, period: run.period, status: run.status });
    return { buffer, filename: `payslip-${slip.period}-${slip.workerId}.pdf`, type: 'application/pdf' };
  }

  /**
   * Who took a file of whole identifiers (resident IDs, account numbers), of which run, and how many people it
   * named: the workers service logs only payroll's machine pull, not the person behind the download.
   */
  private recordExport(p: Principal, run: PayrollRunEntity, after: Record<string, unknown>): Promise<void> {
    return this.audit.record(null, { entity: 'payroll_run', entityId: run.id, action: 'EXPORT', after, districtCode: run.districtCode ?? undefined, streetCode: run.streetCode ?? undefined }, p);
  }

  /**
   * Resident IDs are not kept in payroll: they are read for the declaration from the workers service (machine
   * credential, audited there), as the run froze its workers — the period's last day, and each leaver of the period on
   * their last day (where a transfer earlier in the month no longer shows) — and dropped after the response.
   */
  private async residentIds(run: PayrollRunEntity): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const leavers = await this.changes.leaversIn(run.period, run.districtCode, run.streetCode);
    await this.workforce.forEachOfPeriod(run.period, run.scopeCode, leavers, async (items) => {
      for (const w of items) if (w.residentId) out.set(w.workerId, w.residentId);
    }, { identities: true });
    return out;
  }

  private async payingAccounts(run: PayrollRunEntity): Promise<PayingAccount[]> {
    const date = periodLastDay(run.period);
    const rows = await this.policy.rowsFor(Number(run.period.slice(0, 4)), date);
    return rows
      .filter((r) => r.kind === 'PAYING_ACCOUNT' && r.validFrom <= date && (r.validTo === null || r.validTo >= date))
      .map((r) => ({ orgCode: String(r.data.orgCode), account: String(r.data.account), name: String(r.data.name) }));
  }

  /** Each insurance item's base floor and ceiling in the run's month: the declarations show the base each slip contributed on. */
  private async baseBounds(run: PayrollRunEntity): Promise<Map<string, BaseBounds>> {
    const policy = await this.policy.policyFor(Number(run.period.slice(0, 4)), periodLastDay(run.period));
    return new Map(compilePolicy(policy).insuranceByMonth[Number(run.period.slice(5, 7))].map((c) => [c.item.code, c.item]));
  }

  private async taxFreeCodes(run: PayrollRunEntity): Promise<Set<string>> {
    return taxFreeCodesOf(await this.policy.policyFor(Number(run.period.slice(0, 4)), periodLastDay(run.period)));
  }
}
