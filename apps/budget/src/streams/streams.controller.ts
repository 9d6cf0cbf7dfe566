import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CanRead } from '../common/access';
import { StreamEntity } from './stream.entity';

class StreamDoc {
  @ApiProperty({ example: 'PARTY_BUILDING' }) code!: string;
  @ApiProperty({ example: '社区党建工作经费' }) nameZh!: string;
  @ApiProperty({ example: 'Community party-building work fund' }) nameEn!: string;
  @ApiProperty({ example: 1 }) sortOrder!: number;
  @ApiProperty({ example: true }) communityStream!: boolean;
}

@ApiTags('streams')
@Controller('v1/streams')
export class StreamsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @CanRead()
  @ApiOperation({ summary: '经费渠道列表', description: 'The funding streams with their Chinese and English names' })
  @ApiOkResponse({ type: [StreamDoc] })
  list(): Promise<StreamEntity[]> {
    return this.dataSource.getRepository(StreamEntity).find({ order: { sortOrder: 'ASC' } });
  }
}
