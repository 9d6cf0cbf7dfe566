import 'reflect-metadata';
import { Controller, Delete, Get, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import {
  ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, DocumentBuilder, SwaggerModule,
} from '@nestjs/swagger';
import { Contract, Text } from '@cws/kernel';
import { apiArraySchema, apiSchema } from './openapi-contracts';
import { Accepts, Answers, Creates, Downloads, NoContent } from './route-docs';

// the metadata keys @nestjs/swagger reads (its DECORATORS constants are not exported)
const OPERATION = 'swagger/apiOperation';
const RESPONSES = 'swagger/apiResponse';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Thing = Contract('SpecRouteThing', 'a thing', { name: Text('its name') });

class ThingDto {
  @ApiProperty({ example: 'a' }) name!: string;
}

/** Each composed decorator beside the stack it stands for, spelled out: the documents must be the same. */
@ApiTags('things')
@Controller('things')
class SpelledOut {
  @Get()
  @ApiOperation({ summary: '列表' })
  @ApiOkResponse({ schema: apiArraySchema(Thing) })
  list() {}

  @Post()
  @ApiOperation({ summary: '新建', description: 'Create a thing' })
  @ApiCreatedResponse({ schema: apiSchema(Thing), description: 'The thing' })
  create() {}

  @Post(':id/check')
  @HttpCode(200)
  @ApiOperation({ summary: '核对', description: 'Check a thing' })
  @ApiOkResponse({ type: ThingDto })
  check() {}

  @Post(':id/rebuild')
  @HttpCode(202)
  @ApiOperation({ summary: '重建' })
  @ApiAcceptedResponse({ type: [ThingDto], description: 'Queued' })
  rebuild() {}

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除', description: 'Delete a thing' })
  @ApiNoContentResponse()
  remove() {}

  @Get('things.csv')
  @ApiOperation({ summary: '下载' })
  @ApiOkResponse({ description: 'The csv file', content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } })
  csv() {}

  @Get('template')
  @ApiOperation({ summary: '模板', description: 'The template' })
  @ApiOkResponse({ description: 'The template file', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: { type: 'string', format: 'binary' } } } })
  template() {}
}

@ApiTags('things')
@Controller('things')
class Composed {
  @Get()
  @Answers([Thing], '列表')
  list() {}

  @Post()
  @Creates(Thing, '新建', 'Create a thing', { returns: 'The thing' })
  create() {}

  @Post(':id/check')
  @Answers(ThingDto, '核对', 'Check a thing')
  check() {}

  @Post(':id/rebuild')
  @Accepts([ThingDto], '重建', undefined, { returns: 'Queued' })
  rebuild() {}

  @Delete(':id')
  @NoContent('删除', 'Delete a thing')
  remove() {}

  @Get('things.csv')
  @Downloads('csv', '下载')
  csv() {}

  @Get('template')
  @Downloads(['xlsx', 'csv'], '模板', 'The template', { returns: 'The template file' })
  template() {}
}

const meta = (key: string, method: () => void) => Reflect.getMetadata(key, method);

async function documentOf(controller: new () => object): Promise<Record<string, unknown>> {
  @Module({ controllers: [controller] })
  class SpecModule {}
  const app: INestApplication = await NestFactory.create(SpecModule, { logger: false });
  try {
    return SwaggerModule.createDocument(app, new DocumentBuilder().build(), { operationIdFactory: (_, method) => method }).paths as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

describe('route documentation decorators', () => {
  const c = Composed.prototype;

  it('set the operation, the success response and its status where Nest and Swagger read them', () => {
    expect(meta(OPERATION, c.create)).toEqual({ summary: '新建', description: 'Create a thing' });
    expect(meta(OPERATION, c.list)).toEqual({ summary: '列表' });
    expect(meta(RESPONSES, c.create)).toEqual({ 201: expect.objectContaining({ schema: { $ref: '#/components/schemas/SpecRouteThing' }, description: 'The thing' }) });
    expect(meta(RESPONSES, c.list)).toEqual({ 200: expect.objectContaining({ schema: { type: 'array', items: { $ref: '#/components/schemas/SpecRouteThing' } }, description: '' }) });
    expect(meta(RESPONSES, c.check)).toEqual({ 200: expect.objectContaining({ type: ThingDto }) });
    expect(meta(RESPONSES, c.rebuild)).toEqual({ 202: expect.objectContaining({ type: ThingDto, isArray: true, description: 'Queued' }) });
    expect(meta(RESPONSES, c.remove)).toEqual({ 204: expect.objectContaining({ description: '' }) });
    expect(meta(RESPONSES, c.csv)).toEqual({ 200: expect.objectContaining({ description: 'The csv file', content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } }) });
    expect([c.list, c.create, c.check, c.rebuild, c.remove, c.csv].map((m) => meta(HTTP_CODE_METADATA, m))).toEqual([200, 201, 200, 202, 204, 200]);
  });

  it('document each route exactly as the spelled-out stack does', async () => {
    const composed = await documentOf(Composed);
    expect(composed).toEqual(await documentOf(SpelledOut));
    expect(Object.keys(composed)).toEqual(['/things', '/things/{id}/check', '/things/{id}/rebuild', '/things/{id}', '/things/things.csv', '/things/template']);
  });
});
