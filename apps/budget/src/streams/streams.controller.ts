import { Controller, Get } from '@nestjs/common';
import { Answers } from '@cws/platform';
import { Stream } from '@cws/budget-contracts';
import { ApiTags } from '@nestjs/swagger';
import { CanRead } from '../common/access';
import { BudgetStreamRepository } from './budget-stream.repository';
import type { StreamEntity } from './stream.entity';

@ApiTags('streams')
@Controller('v1/streams')
export class StreamsController {
  constructor(private readonly streams: BudgetStreamRepository) {}

  @Get()
  @CanRead()
  @Answers([Stream], '经费渠道列表', 'The funding streams with their Chinese and English names')
  list(): Promise<StreamEntity[]> {
    return this.streams.list();
  }
}
