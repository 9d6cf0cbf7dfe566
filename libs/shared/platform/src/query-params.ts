/**
 * Query parameters the services share, each one rule: the size of a keyset page, and the org-code
 * filters (district 6 digits ⊃ street 9 ⊃ community 12). Same validators, messages and OpenAPI as
 * when each DTO spelled them out.
 *
 * Each list runs bottom-up, as the decorators would stack on the property (stacked decorators apply
 * from the property outwards, applyDecorators in array order), so the validations run, and report,
 * in the order they always did.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** `limit`: a whole number 1…max, default `defaultSize` (the service applies the default). */
export const PageLimit = (defaultSize: number, max: number) =>
  applyDecorators(Max(max), Min(1), IsInt(), Type(() => Number), IsOptional(), ApiPropertyOptional({ default: defaultSize, maximum: max }));

/** An optional filter by district code (6 digits). */
export const DistrictFilter = () => applyDecorators(Matches(/^\d{6}$/), IsOptional(), ApiPropertyOptional({ example: '330106' }));
/** An optional filter by street code (9 digits). */
export const StreetFilter = () => applyDecorators(Matches(/^\d{9}$/), IsOptional(), ApiPropertyOptional({ example: '330106001' }));
/** An optional filter by community code (12 digits). */
export const CommunityFilter = () => applyDecorators(Matches(/^\d{12}$/), IsOptional(), ApiPropertyOptional({ example: '330106001001' }));
