/**
 * A route's documentation in one line: its operation (中文摘要, English description) and its success
 * answer, composed with `applyDecorators` (Nest's "Decorator composition"). The verb (`@Get`, `@Post`, …),
 * the access head and any error response stay their own decorators on the route:
 *   @Post(':id/submit')
 *   @CanPrepareRuns()
 *   @Answers(PayrollRun, '提交批次审批', 'Submit a computed DRAFT for approval')
 * Each one also sets the status it documents (`HttpCode`), so the document and the answer cannot
 * disagree: a POST that answers 200 takes `@Answers` and no `@HttpCode(200)` of its own.
 */
import { applyDecorators, HttpCode, HttpStatus, StreamableFile, type Type } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, type ApiResponseOptions } from '@nestjs/swagger';
import type { TSchema } from '@cws/kernel';
import { apiArraySchema, apiSchema } from './openapi-contracts';

/** What a route answers: a contract (`apiSchema`) or a response class; `[X]` for an array of X, as Nest's `type: [X]`. */
export type AnswerBody = TSchema | Type<unknown> | [TSchema | Type<unknown>];

export interface AnswerText {
  /** The response's own description, beside the operation's. */
  returns?: string;
}

/** The media types a download route can answer, by file extension. */
export const FILE_MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  pdf: 'application/pdf',
} as const;
export type FileKind = keyof typeof FILE_MEDIA_TYPES;

function response(body: AnswerBody, returns: string | undefined): ApiResponseOptions {
  const [one, many] = Array.isArray(body) ? [body[0], true] : [body, false];
  const text = returns === undefined ? {} : { description: returns };
  if (typeof one === 'function') return { type: many ? [one] : one, ...text };
  return { schema: many ? apiArraySchema(one) : apiSchema(one), ...text };
}

/** 200 OK with `body`. */
export const Answers = (body: AnswerBody, summary: string, description?: string, text: AnswerText = {}) =>
  applyDecorators(HttpCode(HttpStatus.OK), ApiOperation({ summary, description }), ApiOkResponse(response(body, text.returns)));

/** 201 Created with `body`. */
export const Creates = (body: AnswerBody, summary: string, description?: string, text: AnswerText = {}) =>
  applyDecorators(HttpCode(HttpStatus.CREATED), ApiOperation({ summary, description }), ApiCreatedResponse(response(body, text.returns)));

/** 202 Accepted with `body` (work queued, e.g. the job's id). */
export const Accepts = (body: AnswerBody, summary: string, description?: string, text: AnswerText = {}) =>
  applyDecorators(HttpCode(HttpStatus.ACCEPTED), ApiOperation({ summary, description }), ApiAcceptedResponse(response(body, text.returns)));

/** 204 No Content. */
export const NoContent = (summary: string, description?: string) =>
  applyDecorators(HttpCode(HttpStatus.NO_CONTENT), ApiOperation({ summary, description }), ApiNoContentResponse());

/** 200 OK with a file of one of these kinds (binary); the response reads "The <kind> file" unless `returns` says otherwise. */
export const Downloads = (kinds: FileKind | FileKind[], summary: string, description?: string, text: AnswerText = {}) => {
  const list = Array.isArray(kinds) ? kinds : [kinds];
  const content = Object.fromEntries(list.map((k) => [FILE_MEDIA_TYPES[k], { schema: { type: 'string' as const, format: 'binary' } }]));
  return applyDecorators(HttpCode(HttpStatus.OK), ApiOperation({ summary, description }), ApiOkResponse({ description: text.returns ?? `The ${list.join(' or ')} file`, content }));
};

/** A file a download route answers (the body `Downloads` documents). */
export interface FileOut {
  buffer: Buffer;
  filename: string;
  type: string;
}

/** The response of a download route: the bytes as an attachment named `filename`. */
export const attachment = (f: FileOut): StreamableFile =>
  new StreamableFile(f.buffer, { type: f.type, disposition: `attachment; filename="${f.filename}"`, length: f.buffer.length });
