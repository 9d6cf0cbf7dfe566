import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, CurrentPrincipal, IdParam } from '@cws/platform';
import { CanReadWorkforceChanges } from '../common/access';
import { WorkforceChangesQueryDto } from './workforce-changes.dto';
import { WorkforceChangesService } from './workforce-changes.service';
import { WorkforceChange, WorkforceChangePage } from '@cws/payroll-contracts';

/** Changes to the workforce received from the workers service (events on `workers-events`), one row per event. */
@ApiTags('workforce-changes')
@Controller('v1/workforce-changes')
export class WorkforceChangesController {
  constructor(private readonly changes: WorkforceChangesService) {}

  @Get()
  @CanReadWorkforceChanges()
  @Answers(
    WorkforceChangePage,
    '人员变动列表（游标分页）',
    'Workforce changes received from the workers service, oldest first, in keyset pages within your scope. One row per event (hire, change, leaving, posts, secondments, training), recorded once however often it is delivered. `effectiveDate` is the date the event names (hire, leaving, post or secondment dates), null when it names none.',
  )
  list(@CurrentPrincipal() p: Principal, @Query() q: WorkforceChangesQueryDto) {
    return this.changes.list(p, q);
  }

  @Get(':id')
  @CanReadWorkforceChanges()
  @Answers(WorkforceChange, '查看一条人员变动')
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.changes.get(p, id);
  }
}
