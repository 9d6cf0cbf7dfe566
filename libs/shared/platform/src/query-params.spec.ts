import 'reflect-metadata';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, validateSync } from 'class-validator';
import { CommunityFilter, DistrictFilter, PageLimit, StreetFilter } from './query-params';

/** The stacks the composites replaced, spelled out: each must validate, and word its refusals, the same. */
class SpelledOut {
  @ApiPropertyOptional({ example: '330106' }) @IsOptional() @Matches(/^\d{6}$/) district?: string;
  @ApiPropertyOptional({ example: '330106001' }) @IsOptional() @Matches(/^\d{9}$/) street?: string;
  @ApiPropertyOptional({ example: '330106001001' }) @IsOptional() @Matches(/^\d{12}$/) community?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

class Composed {
  @DistrictFilter() district?: string;
  @StreetFilter() street?: string;
  @CommunityFilter() community?: string;
  @PageLimit(50, 500) limit?: number;
}

const refusals = (cls: new () => object, query: Record<string, string>) =>
  validateSync(plainToInstance(cls, query)).map((e) => [e.property, Object.keys(e.constraints ?? {}), Object.values(e.constraints ?? {})]);

describe('shared query parameters', () => {
  it.each([
    [{}],
    [{ district: '330106', street: '330106001', community: '330106001001', limit: '500' }],
    [{ district: '33010', street: '3301060011', community: 'x', limit: '0' }],
    [{ limit: 'many' }],
    [{ limit: '501' }],
    [{ limit: '2.5' }],
  ])('%j: the same refusals, in the same order, as the spelled-out stack', (query) => {
    expect(refusals(Composed, query)).toEqual(refusals(SpelledOut, query));
  });

  it('refuses what it should', () => {
    expect(refusals(Composed, { limit: 'many', district: '1' }).map(([p]) => p)).toEqual(['district', 'limit']);
    expect(refusals(Composed, { district: '330106', limit: '20' })).toEqual([]);
  });
});
