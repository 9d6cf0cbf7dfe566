import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, CurrentPrincipal } from '@cws/platform';
import { CanReadSnapshots } from '../common/access';
import { SnapshotQueryDto, WorkerSnapshotPageDto } from './snapshots.dto';
import { SnapshotsService } from './snapshots.service';

@ApiTags('snapshots')
@Controller('v1/snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Get()
  @CanReadSnapshots()
  @Answers(
    WorkerSnapshotPageDto,
    '某日的人员快照（供薪酬计算，游标分页）',
    'The workforce as of a date, for payroll: keyset pages of up to 5000 workers (follow nextAfter until null). A machine feed. Bank accounts are whole only for API clients holding payroll:read (the payroll service); every user token gets the last four digits. Every page pulled is audited (entity worker_snapshot).',
  )
  page(@CurrentPrincipal() p: Principal, @Query() q: SnapshotQueryDto) {
    return this.snapshots.page(p, q);
  }
}
