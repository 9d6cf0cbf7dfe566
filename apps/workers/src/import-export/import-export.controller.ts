import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { validationError, type Principal } from '@cws/kernel';
import { Answers, CommunityFilter, Creates, CurrentPrincipal, DistrictFilter, Downloads, Permissions, Roles, StreetFilter } from '@cws/platform';
import { ImportCommitted, ImportReport, WORKER_STATUSES } from '@cws/workers-contracts';
import type { Response } from 'express';
import { READ_ROLES, WORKERS_READ, WRITE_ROLES } from '../common/access';
import { ImportExportService } from './import-export.service';
import { MAX_UPLOAD_BYTES } from './upload-limits';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class CommitImportDto {
  @ApiPropertyOptional({ default: false, description: 'Commit only the valid rows (explicit); otherwise any invalid row blocks the whole file' })
  @IsOptional() @IsBoolean() validOnly?: boolean;
}

class TemplateQueryDto {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' }) @IsOptional() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
}

class ExportQueryDto {
  @DistrictFilter() district?: string;
  @StreetFilter() street?: string;
  @CommunityFilter() community?: string;
  @ApiPropertyOptional({ enum: WORKER_STATUSES }) @IsOptional() @IsIn(WORKER_STATUSES) status?: string;
}

class UploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: '.xlsx or .csv with the template’s Chinese headers' }) file!: unknown;
}

@ApiTags('import-export')
@ApiBearerAuth()
@Controller('v1')
export class ImportExportController {
  constructor(private readonly service: ImportExportService) {}

  @Get('imports/template')
  @Roles(...WRITE_ROLES)
  @Downloads(['xlsx', 'csv'], '下载导入模板', 'Download the import template (Chinese headers, one example row, a sheet of allowed values)', { returns: 'The template file' })
  async template(@Query() q: TemplateQueryDto, @Res({ passthrough: true }) res: Response) {
    const format = q.format ?? 'xlsx';
    res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
    res.setHeader('content-disposition', `attachment; filename="workers-template.${format}"; filename*=UTF-8''${encodeURIComponent(`社区工作者导入模板.${format}`)}`);
    return new StreamableFile(await this.service.template(format));
  }

  @Post('imports')
  @Roles(...WRITE_ROLES)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } }))
  @Creates(ImportReport, '上传并校验导入文件', 'Upload and validate a file; returns a row-by-row report and stages the batch. Nothing is written to the register.')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDto })
  validate(@CurrentPrincipal() p: Principal, @UploadedFile() file?: { originalname: string; buffer: Buffer }) {
    if (!file) throw validationError('IMPORT_FILE_REQUIRED', 'file', 'is required (multipart field "file")');
    return this.service.validate(p, Buffer.from(file.originalname, 'latin1').toString('utf8'), file.buffer);
  }

  @Get('imports/:id')
  @Roles(...WRITE_ROLES)
  @Answers(ImportReport, '查看导入校验报告', 'The validation report of a staged import')
  report(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.report(p, id);
  }

  @Post('imports/:id/commit')
  @Roles(...WRITE_ROLES)
  @Creates(ImportCommitted, '确认导入', 'Write a validated import in one transaction (all-or-nothing unless validOnly=true)')
  commit(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CommitImportDto) {
    return this.service.commit(p, id, dto.validOnly ?? false);
  }

  @Get('exports/workers.xlsx')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @Downloads('xlsx', '导出花名册（xlsx）', 'The register filtered by scope as .xlsx (resident IDs and bank accounts masked)')
  async export(@CurrentPrincipal() p: Principal, @Query() q: ExportQueryDto, @Res() res: Response) {
    res.setHeader('content-type', XLSX_TYPE);
    res.setHeader('content-disposition', `attachment; filename="workers.xlsx"; filename*=UTF-8''${encodeURIComponent('社区工作者花名册.xlsx')}`);
    await this.service.export(p, q, res);
  }
}
