import { Controller, Get } from '@nestjs/common';
import { Answers } from '@cws/platform';
import { Stream } from '@cws/budget-contracts';
import { ApiTags } from '@nestjs/swagger';
import { CanRead } from '../common/access';
import type { StreamEntity } from './stream.entity';
import { StreamRepository } from './stream.repository';

@ApiTags('streams')
@Controller('v1/streams')
export class StreamsController {
  constructor(private readonly streams: StreamRepository) {}

  @Get()
  @CanRead()
  @Answers([Stream], '经费渠道列表', 'The funding streams with their Chinese and English names')
  list(): Promise<StreamEntity[]> {
    return this.streams.list();
  }
}
