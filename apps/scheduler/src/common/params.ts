import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class CommunityParam {
  @ApiProperty({ example: '330106001001' }) @Matches(/^\d{12}$/, { message: 'community must be 12 digits' }) community!: string;
}

export class IdParam {
  @ApiProperty({ example: '1', description: '记录 ID（正整数）。Record id.' }) @Matches(/^[1-9]\d{0,17}$/, { message: 'id must be a positive integer' }) id!: string;
}
