/** Gives every request an id (taken from X-Request-Id when sane), logs it and times it. */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as Pino } from 'pino';
import { httpDuration } from './metrics';
import { REQUEST_ID_HEADER, requestContext } from './request-context';

/**
 * The request line `{context:'HTTP', msg:'request', method, path, status, ms}` is written here, with
 * the timing the metrics take anyway, rather than by pino-http (docs/CONVENTIONS.md, "Libraries").
 */
export const requestIdMiddleware = (logger: Pino) => (req: Request, res: Response, next: NextFunction): void => {
  const incoming = req.header(REQUEST_ID_HEADER);
  const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = (req.route?.path as string | undefined) ?? 'unmatched';
    httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
    if (logger.isLevelEnabled('info')) {
      logger.info({ context: 'HTTP', requestId, msg: 'request', method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Math.round(seconds * 1000) });
    }
  });
  const setResponseHeader = (name: string, value: string) => {
    if (!res.headersSent) res.setHeader(name, value);
  };
  requestContext.run({ requestId, setResponseHeader }, () => next());
};
