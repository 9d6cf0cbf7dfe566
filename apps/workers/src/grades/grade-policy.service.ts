import { Injectable } from '@nestjs/common';
import { addDays, conflict, validationError, type Principal } from '@cws/kernel';
import { AuditService } from '@cws/platform';
import { DataSource } from 'typeorm';
import { today } from '../common/sql';
import type { GradePolicyRowDto } from './grade-policy.dto';
import { GradePolicyRepository, type GradePolicyRow } from './grade.repository';
import type { GradePolicyRowAddedView } from '@cws/workers-contracts';

/** The grade policy as effective-dated data: read what is in force, add a row from a date (the previous one closes the day before). */
@Injectable()
export class GradePolicyService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  rowsOn(date = today()): Promise<GradePolicyRow[]> {
    return GradePolicyRepository.rowsOn(this.dataSource.manager, date);
  }

  /** The policy's history: every row with its dates, closed ones too. */
  history(kind?: GradePolicyRow['kind']): Promise<GradePolicyRow[]> {
    return GradePolicyRepository.history(this.dataSource.manager, kind);
  }

  add(p: Principal, dto: GradePolicyRowDto): Promise<GradePolicyRowAddedView> {
    const { key, data } = this.shape(dto);
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const open = await GradePolicyRepository.openRowsOfKey(m, key, dto.validFrom);
      // history is not rewritten: a row that starts on or after validFrom must be changed by a later row
      const later = open.find((r) => r.validFrom >= dto.validFrom);
      if (later) throw conflict('GRADE_POLICY_ROW_LATER', `row ${later.id} of this key already starts on ${later.validFrom}`, { rowId: later.id });
      for (const r of open) await GradePolicyRepository.close(m, r.id, addDays(dto.validFrom, -1));
      const id = await GradePolicyRepository.insert(m, { ...key, data, validFrom: dto.validFrom, sourceRef: dto.sourceRef });
      const after = { id, ...key, data, validFrom: dto.validFrom, validTo: null, sourceRef: dto.sourceRef, closed: open.map((r) => r.id) };
      await this.audit.record(m, { entity: 'grade_policy', entityId: id, action: 'CREATE', after, districtCode: null });
      return after;
    });
  }

  /** Each kind's key fields and data, with the field at fault named. */
  private shape(dto: GradePolicyRowDto): { key: Pick<GradePolicyRow, 'kind' | 'band' | 'education'>; data: Record<string, number> } {
    const need = (field: keyof GradePolicyRowDto) => {
      if (dto[field] === undefined) throw validationError('GRADE_POLICY_FIELD_REQUIRED', field, `is required for ${dto.kind}`);
      return dto[field];
    };
    if (dto.kind === 'ENTRY_GRADE') {
      return { key: { kind: dto.kind, band: need('band') as GradePolicyRow['band'], education: need('education') as string }, data: { baseGrade: need('baseGrade') as number } };
    }
    if (dto.kind === 'BAND_RANGE') {
      const [minGrade, maxGrade] = [need('minGrade') as number, need('maxGrade') as number];
      if (maxGrade < minGrade) throw validationError('GRADE_RANGE_INVERTED', 'maxGrade', 'must not be below minGrade');
      return { key: { kind: dto.kind, band: need('band') as GradePolicyRow['band'], education: null }, data: { minGrade, maxGrade } };
    }
    return { key: { kind: dto.kind, band: null, education: null }, data: { yearsPerStep: need('yearsPerStep') as number } };
  }
}
