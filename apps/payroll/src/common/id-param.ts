import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** Numeric ids arrive as strings (BIGINT). */
export class IdParam {
  @ApiProperty({ example: '12' }) @Matches(/^\d{1,19}$/, { message: 'must be a numeric id' }) id!: string;
}
