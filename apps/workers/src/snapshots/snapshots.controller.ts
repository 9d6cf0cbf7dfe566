import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, CurrentPrincipal, Permissions, Roles } from '@cws/platform';
import { PAYROLL_READ, READ_ROLES, WORKERS_READ } from '../common/access';
import { WorkerSnapshotPage } from '@cws/workers-contracts';
import { SnapshotQueryDto } from './snapshots.dto';
import { SnapshotsService } from './snapshots.service';

@ApiTags('snapshots')
@ApiBearerAuth()
@Controller('v1/snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Get()
  @Roles(...READ_ROLES)
  @Permissions(PAYROLL_READ, WORKERS_READ)
  @Answers(
    WorkerSnapshotPage,
    '某日的人员快照（供薪酬计算，游标分页）',
    'The workforce as of a date, for payroll: keyset pages of up to 5000 workers (follow nextAfter until null). A machine feed. Bank accounts are whole only for API clients holding payroll:read (the payroll service); every user token gets the last four digits. Every page pulled is audited (entity worker_snapshot).',
  )
  page(@CurrentPrincipal() p: Principal, @Query() q: SnapshotQueryDto) {
    return this.snapshots.page(p, q);
  }
}
