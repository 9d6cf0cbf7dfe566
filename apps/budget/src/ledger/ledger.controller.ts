import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { CurrentPrincipal } from '@cws/platform';
import { CanRead } from '../common/access';
import { LedgerPageDto, PlaceFilterDto } from '../common/filters.dto';
import { LedgerService } from './ledger.service';

class LedgerEntryDoc {
  @ApiProperty({ example: '1201' }) id!: string;
  @ApiProperty({ example: 2026 }) fiscalYear!: number;
  @ApiProperty({ example: 'CITY' }) funder!: string;
  @ApiProperty({ example: 'PARTY_BUILDING' }) stream!: string;
  @ApiProperty({ example: '330106', nullable: true }) districtCode!: string | null;
  @ApiProperty({ example: '330106001', nullable: true }) streetCode!: string | null;
  @ApiProperty({ example: '330106001001', nullable: true }) communityCode!: string | null;
  @ApiProperty({ example: 'EXPENDITURE' }) entryType!: string;
  @ApiProperty({ example: '12', nullable: true }) appropriationId!: string | null;
  @ApiProperty({ example: '40', nullable: true }) allocationId!: string | null;
  @ApiProperty({ example: '388', nullable: true }) postingId!: string | null;
  @ApiProperty({ example: '0.00' }) appropriated!: string;
  @ApiProperty({ example: '0.00' }) allocated!: string;
  @ApiProperty({ example: '0.00' }) committed!: string;
  @ApiProperty({ example: '1250.00' }) spent!: string;
  @ApiProperty({ example: 'office supplies', nullable: true }) memo!: string | null;
  @ApiProperty({ example: '2026-03-02T08:15:00.000Z' }) createdAt!: string;
}

class LedgerPageDoc {
  @ApiProperty({ type: [LedgerEntryDoc] }) items!: LedgerEntryDoc[];
  @ApiProperty({ nullable: true, type: String, example: '1300', description: 'pass as ?after= for the next page; null at the end' }) nextAfter!: string | null;
}

class BalanceDoc {
  @ApiProperty({ example: 2026 }) fiscalYear!: number;
  @ApiProperty({ example: 'CITY' }) funder!: string;
  @ApiProperty({ example: 'PARTY_BUILDING' }) stream!: string;
  @ApiProperty({ example: '330106', nullable: true }) districtCode!: string | null;
  @ApiProperty({ example: '330106001', nullable: true }) streetCode!: string | null;
  @ApiProperty({ example: '330106001001', nullable: true }) communityCode!: string | null;
  @ApiProperty({ example: '0.00' }) appropriated!: string;
  @ApiProperty({ example: '100000.00' }) allocated!: string;
  @ApiProperty({ example: '5000.00' }) committed!: string;
  @ApiProperty({ example: '20000.00' }) spent!: string;
  @ApiProperty({ example: '75000.00' }) available!: string;
}

class BalanceTotalsDoc {
  @ApiProperty({ example: '3600000.00' }) appropriated!: string;
  @ApiProperty({ example: '3600000.00' }) allocated!: string;
  @ApiProperty({ example: '0.00' }) unallocated!: string;
  @ApiProperty({ example: '5000.00' }) committed!: string;
  @ApiProperty({ example: '20000.00' }) spent!: string;
  @ApiProperty({ example: '3575000.00' }) available!: string;
}

class BalancesDoc {
  @ApiProperty({ type: [BalanceDoc] }) items!: BalanceDoc[];
  @ApiProperty({ type: BalanceTotalsDoc }) totals!: BalanceTotalsDoc;
}

@ApiTags('ledger')
@Controller('v1')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('ledger')
  @CanRead()
  @ApiOperation({ summary: '总账明细（对账用，游标分页）', description: 'Ledger entries for reconciliation, oldest first; page with ?after=<ledgerId>; ?sourceRefPrefix=payroll-run:<id>: for the postings of one payroll run' })
  @ApiOkResponse({ type: LedgerPageDoc })
  list(@CurrentPrincipal() p: Principal, @Query() q: LedgerPageDto) {
    return this.ledger.list(p, q);
  }

  @Get('balances')
  @CanRead()
  @ApiOperation({ summary: '按年度、出资方、渠道、地区汇总的余额', description: 'Balances per (year, funder, stream, place) summed from the ledger, with totals' })
  @ApiOkResponse({ type: BalancesDoc })
  balances(@CurrentPrincipal() p: Principal, @Query() q: PlaceFilterDto) {
    return this.ledger.balances(p, q);
  }
}
