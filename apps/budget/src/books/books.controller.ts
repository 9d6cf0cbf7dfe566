import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { LedgerClose } from '@cws/budget-contracts';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { Principal } from '@cws/kernel';
import { Answers, attachment, CurrentPrincipal, Downloads, IsCalendarDate } from '@cws/platform';
import { CanPost, CanRead } from '../common/access';
import { BooksService } from './books.service';

export class LedgerClosesQueryDto {
  @ApiPropertyOptional({ format: 'date', example: '2026-11-01', description: 'First day (default: 30 days before `to`); at most 366 days in one read' })
  @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ format: 'date', example: '2026-11-30', description: 'Last day (default: today)' }) @IsOptional() @IsCalendarDate() to?: string;
}

export class CloseBooksDto {
  @ApiPropertyOptional({ format: 'date', example: '2026-11-30', description: 'Close through this day, which must be over (default: yesterday, Beijing time)' })
  @IsOptional() @IsCalendarDate() through?: string;
}

@ApiTags('ledger')
@Controller('v1/ledger')
export class BooksController {
  constructor(private readonly books: BooksService) {}

  @Get('closes')
  @CanRead()
  @Answers([LedgerClose], '日结记录', 'The daily closes of a date range, oldest first: each day’s movements, the ledger totals at its end and the reconciliation of every allocation against the ledger (city scope only: 403 CITY_SCOPE_REQUIRED)')
  list(@CurrentPrincipal() p: Principal, @Query() q: LedgerClosesQueryDto) {
    return this.books.list(p, q);
  }

  // a literal path, declared before any `closes/:param` route could be
  @Get('closes.xlsx')
  @CanRead()
  @Downloads(
    'xlsx',
    '下载日结记录（xlsx）',
    'The daily closes of a date range as a workbook: sheet 日结 a row per day (status, entries, the four movements, the five totals with available = allocated − committed − spent, allocations and appropriations checked, the number of discrepancies, closed at / by), sheet 差异 every discrepancy (day, allocation or appropriation id, measure, running, ledger, difference). The same range rules as GET /ledger/closes; city scope only (403 CITY_SCOPE_REQUIRED)',
  )
  async listXlsx(@CurrentPrincipal() p: Principal, @Query() q: LedgerClosesQueryDto) {
    return attachment(await this.books.listXlsx(p, q));
  }

  @Post('closes')
  @CanPost()
  @Answers([LedgerClose], '日结（结账至某日）', 'Close the books through a day that is over (default yesterday), as the nightly batch does: every day not closed yet, oldest first; answers the closes written (none when all were closed). City scope only.')
  close(@CurrentPrincipal() p: Principal, @Body() dto: CloseBooksDto) {
    return this.books.close(p, dto.through);
  }
}
