import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import type { Principal } from '@cws/kernel';
import { ActionAccess, Answers, CurrentPrincipal, Downloads, IdParam } from '@cws/platform';
import { CanRead, PAYROLL_PAY } from '../common/access';
import { DECLARATION_KINDS, RunOutputsService, type DeclarationKind, type FileOut } from './run-outputs.service';
import { BankFileEntry } from '@cws/payroll-contracts';

/** Bank files carry whole account numbers: finance and city administrators, or payroll:pay clients. */
const CanReadBankFiles = () => ActionAccess(['CITY_ADMIN', 'FINANCE'], PAYROLL_PAY, 'Only CITY_ADMIN, FINANCE or a payroll:pay client');

class BankFileParams extends IdParam {
  @ApiProperty({ example: '12020211099033010600' }) @Matches(/^\d{8,30}$/, { message: 'must be an account number' }) account!: string;
}

class DeclarationParams extends IdParam {
  @ApiProperty({ enum: DECLARATION_KINDS }) @IsIn(DECLARATION_KINDS) kind!: DeclarationKind;
}

export const file = (f: FileOut): StreamableFile => new StreamableFile(f.buffer, { type: f.type, disposition: `attachment; filename="${f.filename}"`, length: f.buffer.length });

/** The outputs of a run: register, bank files, declarations (payslip PDFs are under /v1/payslips). */
@ApiTags('payroll-runs')
@Controller('v1/runs')
export class RunOutputsController {
  constructor(private readonly outputs: RunOutputsService) {}

  @Get(':id/register.xlsx')
  @CanRead()
  @Downloads('xlsx', '下载工资发放表（xlsx）', 'Payroll register (工资发放表): a row per payslip by district, street and community, a column per component, subtotals and a total')
  async register(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam): Promise<StreamableFile> {
    return file(await this.outputs.register(p, id));
  }

  @Get(':id/bank-files')
  @CanReadBankFiles()
  @Answers([BankFileEntry], '银行代发文件列表', 'Bank files of an APPROVED or PAID run, one per paying account: [{ payingAccount, count, total, url }]')
  bankFiles(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.outputs.bankFiles(p, id);
  }

  @Get(':id/bank-files/:account.csv')
  @CanReadBankFiles()
  @Downloads('csv', '下载一个银行代发文件（csv）', 'One bank file: header account,name,amount,reference; a line per payee; trailer TOTAL,<count>,<sum>')
  async bankFile(@CurrentPrincipal() p: Principal, @Param() { id, account }: BankFileParams): Promise<StreamableFile> {
    return file(await this.outputs.bankFileCsv(p, id, account));
  }

  @Get(':id/declarations/:kind.xlsx')
  @CanRead()
  @Downloads('xlsx', '下载个税扣缴申报表或社保、公积金缴费清单（xlsx）', 'IIT withholding declaration (扣缴申报: 正常工资薪金所得 and 全年一次性奖金收入 sheets), or the social-insurance / housing-fund contribution list')
  async declaration(@CurrentPrincipal() p: Principal, @Param() { id, kind }: DeclarationParams): Promise<StreamableFile> {
    return file(await this.outputs.declaration(p, id, kind));
  }
}
