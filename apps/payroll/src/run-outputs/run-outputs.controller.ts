import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import type { Principal } from '@cws/kernel';
import { ActionAccess, Answers, attachment, CurrentPrincipal, Downloads, IdParam } from '@cws/platform';
import { CanRead, PAYROLL_PAY } from '../common/access';
import { CONTRIBUTION_LISTS, RunOutputsService } from './run-outputs.service';
import { BankFileEntry } from '@cws/payroll-contracts';

/** Bank files carry whole account numbers: finance and city administrators, or payroll:pay clients. */
const CanReadBankFiles = () => ActionAccess(['CITY_ADMIN', 'FINANCE'], PAYROLL_PAY, 'Only CITY_ADMIN, FINANCE or a payroll:pay client');
/**
 * The IIT declaration carries whole resident IDs: the roles that may see one in the register (CITY_ADMIN,
 * DISTRICT_HR) and finance, who files it; or payroll:pay clients. Street HR and auditors see masked IDs only.
 */
const CanReadIitDeclaration = () => ActionAccess(['CITY_ADMIN', 'DISTRICT_HR', 'FINANCE'], PAYROLL_PAY, 'Only CITY_ADMIN, DISTRICT_HR, FINANCE or a payroll:pay client');

class BankFileParams extends IdParam {
  @ApiProperty({ example: '12020211099033010600' }) @Matches(/^\d{8,30}$/, { message: 'must be an account number' }) account!: string;
}

class ContributionListParams extends IdParam {
  @ApiProperty({ enum: CONTRIBUTION_LISTS }) @IsIn(CONTRIBUTION_LISTS) kind!: (typeof CONTRIBUTION_LISTS)[number];
}

/** The outputs of a run: register, bank files, declarations (payslip PDFs are under /v1/payslips). */
@ApiTags('payroll-runs')
@Controller('v1/runs')
export class RunOutputsController {
  constructor(private readonly outputs: RunOutputsService) {}

  @Get(':id/register.xlsx')
  @CanRead()
  @Downloads('xlsx', '下载工资发放表（xlsx）', 'Payroll register (工资发放表): a row per payslip by district, street and community, a column per component, subtotals and a total')
  async register(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam): Promise<StreamableFile> {
    return attachment(await this.outputs.register(p, id));
  }

  @Get(':id/bank-files')
  @CanReadBankFiles()
  @Answers([BankFileEntry], '银行代发文件列表', 'Bank files of an APPROVED or PAID run, one per paying account: [{ payingAccount, count, total, url }]')
  bankFiles(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.outputs.bankFiles(p, id);
  }

  @Get(':id/bank-files/:account.csv')
  @CanReadBankFiles()
  @Downloads('csv', '下载一个银行代发文件（csv）', 'One bank file: header account,name,amount,reference; a line per payee; trailer TOTAL,<count>,<sum>; each download is audited (EXPORT)')
  async bankFile(@CurrentPrincipal() p: Principal, @Param() { id, account }: BankFileParams): Promise<StreamableFile> {
    return attachment(await this.outputs.bankFileCsv(p, id, account));
  }

  // before ':kind.xlsx', which would otherwise take this path (and refuse 'iit' as a kind)
  @Get(':id/declarations/iit.xlsx')
  @CanReadIitDeclaration()
  @Downloads('xlsx', '下载个税扣缴申报表（xlsx，含完整证件号码）', 'IIT withholding declaration (扣缴申报: 正常工资薪金所得 and 全年一次性奖金收入 sheets), with whole resident IDs; each download is audited (EXPORT)')
  async iitDeclaration(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam): Promise<StreamableFile> {
    return attachment(await this.outputs.declaration(p, id, 'iit'));
  }

  @Get(':id/declarations/:kind.xlsx')
  @CanRead()
  @Downloads('xlsx', '下载社保或公积金缴费清单（xlsx）', 'The social-insurance or housing-fund contribution list')
  async contributionList(@CurrentPrincipal() p: Principal, @Param() { id, kind }: ContributionListParams): Promise<StreamableFile> {
    return attachment(await this.outputs.declaration(p, id, kind));
  }
}
