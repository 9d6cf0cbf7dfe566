/**
 * The body (`data`) of each policy kind, validated with class-validator. Amounts are decimal
 * strings with two places (元), rates and coefficients decimal strings ("0.08", "1.60").
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import {
  ALLOWANCE_KINDS, COST_FUNDERS, COST_STREAM_BODIES, INSURANCE_CODES, OVERTIME_HOURLY_BASES, ROUNDING_RULES, SPECIAL_DEDUCTION_TYPES, TOP_UP_RULES, WAGE_CALIBERS, type PolicyKind,
} from '@cws/payroll-contracts';
import { FUNDING_STREAMS } from '@cws/budget-contracts';

/** Non-negative amount in 元 with at most two places. */
export const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;
/** A non-negative decimal such as "0.08", "1.60" or "21.75". */
export const DECIMAL = /^\d{1,6}(\.\d{1,6})?$/;
const amount = (example: string) => [ApiProperty({ example, description: 'decimal string, 元, two places at most' }), Matches(AMOUNT, { message: 'must be an amount such as "1234.56"' })];
const decimal = (example: string) => [ApiProperty({ example }), Matches(DECIMAL, { message: 'must be a decimal such as "0.08"' })];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
const Amount = (example = '200.00') => apply(amount(example));
const Decimal = (example = '0.08') => apply(decimal(example));
/** A share from 0 to 1 ("0.08" is 8 %): a contribution or tax rate typed as "8" would take eight times the pay. */
export const RATE = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;
const Rate = (example: string) => apply([ApiProperty({ example, description: 'a share from 0 to 1: "0.08" is 8 %' }), Matches(RATE, { message: 'must be a rate from 0 to 1 such as "0.08"' })]);
const Year = () => apply([ApiProperty({ example: 2025 }), IsInt(), Min(2000), Max(2100)]);
const BANDS = ['HEAD', 'DEPUTY', 'OTHER'] as const;

export class CityWageData {
  @Year() year!: number;
  @Amount('167177.00') annual!: string;
  @ApiProperty({ enum: WAGE_CALIBERS, description: 'statistical caliber of the figure' }) @IsIn(WAGE_CALIBERS) caliber!: string;
}

export class CommunityWageData {
  @Year() year!: number;
  @Amount('86000.00') annual!: string;
}

export class UnitValueData {
  @Year() year!: number;
  @Amount('3828.84') unitValue!: string;
}

export class PostBandData {
  @ApiProperty({ enum: BANDS }) @IsIn(BANDS) band!: string;
  @ApiProperty({ example: 7 }) @IsInt() @Min(1) @Max(18) minGrade!: number;
  @ApiProperty({ example: 18 }) @IsInt() @Min(1) @Max(18) maxGrade!: number;
}

export class GradeCoefficientData {
  @ApiProperty({ example: 7 }) @IsInt() @Min(1) @Max(18) grade!: number;
  @Decimal('1.60') coefficient!: string;
}

export class EntryGradeData {
  @ApiProperty({ enum: BANDS }) @IsIn(BANDS) band!: string;
  @ApiProperty({ example: 'BACHELOR', description: 'the workers register education code' }) @IsString() @Matches(/^[A-Z_]{2,30}$/) education!: string;
  @ApiProperty({ example: 9 }) @IsInt() @Min(1) @Max(18) baseGrade!: number;
}

export class GradeProgressionData {
  @ApiProperty({ example: 3, description: 'one grade up every N years of service, capped at the band top' }) @IsInt() @Min(1) @Max(10) yearsPerStep!: number;
}

export class QualificationLevelData {
  @ApiProperty({ example: 'ASSISTANT' }) @IsString() @Matches(/^[A-Z_]{2,30}$/) level!: string;
  @Amount('200.00') monthly!: string;
}

export class LongServiceBandData {
  @ApiProperty({ example: 5 }) @IsInt() @Min(0) @Max(60) minYears!: number;
  @Amount('300.00') monthly!: string;
}

export class AllowanceData {
  @ApiProperty({ enum: ALLOWANCE_KINDS }) @IsIn(ALLOWANCE_KINDS) kind!: string;
  @ApiProperty({ example: 'QUALIFICATION' }) @Matches(/^[A-Z0-9_]{2,40}$/) code!: string;
  @ApiProperty({ example: 'Qualification allowance (职业资格津贴)' }) @IsString() @MaxLength(100) label!: string;
  @ApiProperty() @IsBoolean() prorate!: boolean;
  @ApiProperty() @IsBoolean() taxFree!: boolean;
  @ApiPropertyOptional({ type: [QualificationLevelData] }) @ValidateIf((o) => o.kind === 'QUALIFICATION')
  @ValidateNested({ each: true }) @Type(() => QualificationLevelData) @ArrayMinSize(1) @ArrayMaxSize(10) levels?: QualificationLevelData[];
  @ApiPropertyOptional({ type: [LongServiceBandData] }) @ValidateIf((o) => o.kind === 'LONG_SERVICE')
  @ValidateNested({ each: true }) @Type(() => LongServiceBandData) @ArrayMinSize(1) @ArrayMaxSize(20) bands?: LongServiceBandData[];
  @ApiPropertyOptional({ example: '200.00' }) @ValidateIf((o) => o.kind === 'CROSS_APPOINTMENT') @Matches(AMOUNT) perBodyMonthly?: string;
  @ApiPropertyOptional({ example: 2 }) @ValidateIf((o) => o.kind === 'CROSS_APPOINTMENT') @IsInt() @Min(0) @Max(3) maxBodies?: number;
  @ApiPropertyOptional({ example: '50.00' }) @ValidateIf((o) => o.kind === 'SHIFT') @Matches(AMOUNT) perShift?: string;
  @ApiPropertyOptional({ example: 23 }) @ValidateIf((o) => o.kind === 'SHIFT') @IsInt() @Min(0) @Max(62) maxShiftsPerMonth?: number;
  @ApiPropertyOptional({ example: '300.00' }) @ValidateIf((o) => o.kind === 'SECONDED_IN') @Matches(AMOUNT) monthly?: string;
  @ApiPropertyOptional({ example: 20 }) @ValidateIf((o) => o.kind === 'ONE_OFF') @IsInt() @Min(1) @Max(60) years?: number;
  @ApiPropertyOptional({ example: '5000.00' }) @ValidateIf((o) => o.kind === 'ONE_OFF') @Matches(AMOUNT) amount?: string;
}

export class InsuranceData {
  @ApiProperty({ enum: INSURANCE_CODES }) @IsIn(INSURANCE_CODES) code!: string;
  @ApiProperty({ example: 'Pension (养老保险)' }) @IsString() @MaxLength(100) label!: string;
  @Rate('0.16') employerRate!: string;
  @Rate('0.08') employeeRate!: string;
  @Amount('4986.00') baseFloor!: string;
  @Amount('24930.00') baseCeiling!: string;
  @ApiProperty({ enum: ROUNDING_RULES }) @IsIn(ROUNDING_RULES) rounding!: string;
  @ApiPropertyOptional({
    minimum: 1, maximum: 12, example: 7,
    description: 'PENSION: the month the contribution year (and its bases) starts; absent = the month this row starts. Set it on a row that changes only a rate mid-year.',
  })
  @IsOptional() @IsInt() @Min(1) @Max(12) switchMonth?: number;
}

export class TaxBracketData {
  @ApiProperty({ example: '36000.00', nullable: true, type: String, description: 'inclusive upper bound; null for the top bracket' })
  @ValidateIf((o) => o.upTo !== null) @Matches(AMOUNT) upTo!: string | null;
  @Rate('0.03') rate!: string;
  @Amount('0.00') quickDeduction!: string;
}

export class TaxTableData {
  @Amount('5000.00') basicDeductionMonthly!: string;
  @ApiProperty({ type: [TaxBracketData] }) @ValidateNested({ each: true }) @Type(() => TaxBracketData) @ArrayMinSize(1) @ArrayMaxSize(15) brackets!: TaxBracketData[];
}

export class BonusTaxData {
  @ApiProperty({ example: 2019, description: 'first year the separate method may be chosen' }) @IsInt() @Min(2019) @Max(2100) allowedFromYear!: number;
  @ApiProperty({ example: 2027, description: 'last year the separate method may be chosen' }) @IsInt() @Min(2019) @Max(2100) allowedToYear!: number;
  @ApiProperty({ type: [TaxBracketData] }) @ValidateNested({ each: true }) @Type(() => TaxBracketData) @ArrayMinSize(1) @ArrayMaxSize(15) brackets!: TaxBracketData[];
}

export class SpecialDeductionData {
  @ApiProperty({ enum: SPECIAL_DEDUCTION_TYPES }) @IsIn(SPECIAL_DEDUCTION_TYPES) type!: string;
  @ApiProperty({ example: 'Child education (子女教育)' }) @IsString() @MaxLength(100) label!: string;
  @Amount('2000.00') monthly!: string;
  @ApiProperty({ enum: ['PER_CHILD', 'PER_TAXPAYER', 'ONCE_PER_YEAR'] }) @IsIn(['PER_CHILD', 'PER_TAXPAYER', 'ONCE_PER_YEAR']) per!: string;
  @ApiPropertyOptional({ example: 'cannot be combined with housing loan interest' }) @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class ProRatingData {
  @ApiProperty({ enum: ['STANDARD_DAYS', 'SCHEDULED_DAYS'] }) @IsIn(['STANDARD_DAYS', 'SCHEDULED_DAYS']) basis!: string;
  @Decimal('21.75') standardDaysPerMonth!: string;
}

export class OvertimeMultipliersData {
  @Decimal('1.5') WORKDAY!: string;
  @Decimal('2') REST_DAY!: string;
  @Decimal('3') HOLIDAY!: string;
}

export class OvertimeData {
  @ApiProperty({ example: 8 }) @IsInt() @Min(1) @Max(12) hoursPerDay!: number;
  @ApiProperty({ type: OvertimeMultipliersData }) @ValidateNested() @Type(() => OvertimeMultipliersData) multipliers!: OvertimeMultipliersData;
  @ApiPropertyOptional({
    enum: OVERTIME_HOURLY_BASES,
    description: 'What the hourly rate is taken from: MONTHLY_WAGE (base pay and monthly allowances, DOMAIN §5) or BASE_PAY; absent = BASE_PAY',
  })
  @IsOptional() @IsIn(OVERTIME_HOURLY_BASES) hourlyBase?: string;
}

export class TopUpRuleData {
  @ApiProperty({ enum: TOP_UP_RULES }) @IsIn(TOP_UP_RULES) rule!: string;
  @ApiPropertyOptional({ example: '1.00', description: 'PER_WORKER: each worker is lifted to ratio × benchmark' })
  @ValidateIf((o) => o.rule === 'PER_WORKER') @Matches(DECIMAL) ratio?: string;
  @ApiPropertyOptional({ enum: ['DISTRICT', 'STREET'], description: 'AVERAGE: the group whose average must reach the benchmark' })
  @ValidateIf((o) => o.rule === 'AVERAGE') @IsIn(['DISTRICT', 'STREET']) level?: string;
}

/** Which budget stream pays a worker whose primary appointment is in this body (payroll cost postings, the 核定 report). */
export class CostStreamData {
  @ApiProperty({ enum: COST_STREAM_BODIES, example: 'STATION' }) @IsIn(COST_STREAM_BODIES) bodyKind!: string;
  @ApiProperty({ enum: FUNDING_STREAMS, example: 'SERVICE_STATION' }) @IsIn(FUNDING_STREAMS) stream!: string;
  @ApiPropertyOptional({ enum: COST_FUNDERS, default: 'DISTRICT', description: "whose allocation pays: the worker's district (default) or the city" })
  @IsOptional() @IsIn(COST_FUNDERS) funder?: string;
}

/** The account a district (6 digits) or street (9) pays its workers from; bank files are cut per account (a street's own account wins). */
export class PayingAccountData {
  @ApiProperty({ example: '330106' }) @Matches(/^(\d{6}|\d{9})$/, { message: 'must be a district (6 digits) or street (9 digits) code' }) orgCode!: string;
  @ApiProperty({ example: '1202021109900012345' }) @Matches(/^\d{8,30}$/, { message: 'must be 8–30 digits' }) account!: string;
  @ApiProperty({ example: '杭州市西湖区社区工作者工资专户' }) @IsString() @MaxLength(100) name!: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DATA_CLASSES: Record<PolicyKind, new () => any> = {
  CITY_WAGE: CityWageData,
  COMMUNITY_WAGE: CommunityWageData,
  UNIT_VALUE: UnitValueData,
  POST_BAND: PostBandData,
  GRADE_COEFFICIENT: GradeCoefficientData,
  ENTRY_GRADE: EntryGradeData,
  GRADE_PROGRESSION: GradeProgressionData,
  ALLOWANCE: AllowanceData,
  INSURANCE: InsuranceData,
  TAX_TABLE: TaxTableData,
  BONUS_TAX: BonusTaxData,
  SPECIAL_DEDUCTION: SpecialDeductionData,
  PRO_RATING: ProRatingData,
  OVERTIME: OvertimeData,
  TOP_UP_RULE: TopUpRuleData,
  COST_STREAM: CostStreamData,
  PAYING_ACCOUNT: PayingAccountData,
};

/** The key a row of this kind is filed under: at most one row per (kind, key) is in force on any date. */
export function keyOf(kind: PolicyKind, d: Record<string, unknown>): string {
  switch (kind) {
    case 'CITY_WAGE':
    case 'COMMUNITY_WAGE':
    case 'UNIT_VALUE':
      return String(d.year);
    case 'POST_BAND':
      return String(d.band);
    case 'GRADE_COEFFICIENT':
      return String(d.grade).padStart(2, '0');
    case 'ENTRY_GRADE':
      return `${d.band}:${d.education}`;
    case 'ALLOWANCE':
    case 'INSURANCE':
      return String(d.code);
    case 'SPECIAL_DEDUCTION':
      return String(d.type);
    case 'COST_STREAM':
      return String(d.bodyKind);
    case 'PAYING_ACCOUNT':
      return String(d.orgCode);
    case 'TAX_TABLE':
      return 'CUMULATIVE';
    case 'BONUS_TAX':
      return 'SEPARATE';
    default:
      return 'DEFAULT';
  }
}
