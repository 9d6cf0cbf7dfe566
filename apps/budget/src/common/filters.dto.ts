import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { FUNDING_STREAMS, SOURCE_REF_PREFIX_PATTERN } from '@cws/budget-contracts';
import { CommunityFilter, DistrictFilter, PageLimit, StreetFilter } from '@cws/platform';

/**
 * Where: funder and org codes. Codes outside the caller's scope answer 404. Reports that need a
 * year (or a stream) extend this and declare them required: a subclass cannot take back the
 * parent's @IsOptional, so it must not inherit an optional fiscalYear.
 */
export class PlaceCodesDto {
  @ApiPropertyOptional({ example: 'CITY', description: "'CITY' or a district code" }) @IsOptional() @Matches(/^(CITY|\d{6})$/) funder?: string;
  @DistrictFilter() district?: string;
  @StreetFilter() street?: string;
  @CommunityFilter() community?: string;
}

/** Filters shared by lists and balances. */
export class PlaceFilterDto extends PlaceCodesDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ enum: FUNDING_STREAMS, example: 'PARTY_BUILDING' }) @IsOptional() @IsIn(FUNDING_STREAMS) stream?: string;
}

/** A list's page size when the request names none, and the most it may ask for. */
export const PAGE_SIZE = { default: 100, max: 1000 } as const;

export class PageDto extends PlaceFilterDto {
  @ApiPropertyOptional({ description: 'keyset cursor: items with a larger id', example: '1200' }) @IsOptional() @Matches(/^\d{1,19}$/) after?: string;
  @PageLimit(PAGE_SIZE.default, PAGE_SIZE.max) limit?: number;
}

/**
 * An optional filter by the start of a posting's source reference (SOURCE_REF_PREFIX_PATTERN, else 400 on the
 * field); `what` says what it keeps. The repositories match it with the posting repository's sourceRefStartsWith
 * (a list's query builder: whereSourceRefStarts).
 */
export const SourceRefPrefixFilter = (what: string) =>
  applyDecorators(
    ApiPropertyOptional({ example: 'payroll-run:42:', description: `${what} whose sourceRef starts with this (letters, digits and _ - : .; _ matches itself)` }),
    IsOptional(),
    Matches(SOURCE_REF_PREFIX_PATTERN, { message: 'must be 1–100 of A–Z a–z 0–9 _ - : .' }),
  );

/** The ledger also filters by the source reference of the entries' postings (e.g. every posting of a payroll run). */
export class LedgerPageDto extends PageDto {
  @SourceRefPrefixFilter('entries of postings') sourceRefPrefix?: string;
}
