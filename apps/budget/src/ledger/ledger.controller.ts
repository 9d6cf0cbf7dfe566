import { Controller, Get, Query } from '@nestjs/common';
import { Balances, LedgerPage, type BalancesView, type LedgerPageView } from '@cws/budget-contracts';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, CurrentPrincipal } from '@cws/platform';
import { CanRead } from '../common/access';
import { LedgerPageDto, PlaceFilterDto } from '../common/filters.dto';
import { LedgerService } from './ledger.service';

@ApiTags('ledger')
@Controller('v1')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('ledger')
  @CanRead()
  @Answers(LedgerPage, '总账明细（对账用，游标分页）', 'Ledger entries for reconciliation, oldest first; page with ?after=<ledgerId>; ?sourceRefPrefix=payroll-run:<id>: for the postings of one payroll run')
  list(@CurrentPrincipal() p: Principal, @Query() q: LedgerPageDto): Promise<LedgerPageView> {
    return this.ledger.list(p, q);
  }

  @Get('balances')
  @CanRead()
  @Answers(Balances, '按年度、出资方、渠道、地区汇总的余额', 'Balances per (year, funder, stream, place) summed from the ledger, with totals')
  balances(@CurrentPrincipal() p: Principal, @Query() q: PlaceFilterDto): Promise<BalancesView> {
    return this.ledger.balances(p, q);
  }
}
