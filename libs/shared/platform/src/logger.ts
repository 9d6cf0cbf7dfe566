/**
 * Structured JSON logs through pino, with nestjs-pino as Nest's logger: one line per event,
 * `time, level, service, context, requestId, msg, …` as before the move to pino
 * (docs/operations.md). The request id comes from our own async context (request-context.ts)
 * through pino's mixin, so lines written inside a BullMQ job carry the id of the request that
 * enqueued it, not only lines written inside an HTTP request.
 */
import { Logger as NestPinoLogger, PinoLogger, type Params } from 'nestjs-pino';
import { pino, stdTimeFunctions, type DestinationStream, type Logger as Pino } from 'pino';
import { requestContext } from './request-context';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const NO_REQUEST = Object.freeze({});

/**
 * The root logger of a service. Writes to process.stdout (synchronous for files and pipes, so
 * no line is lost when the process dies, and what tests capture from stdout holds every line).
 */
export function createPinoLogger(service: string, level: LogLevel, destination: DestinationStream = process.stdout): Pino {
  return pino(
    {
      level,
      base: { service },
      timestamp: stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // nestjs-pino hands an Error over as `err`; the line keeps our shape: msg (set by pino from
        // the error's message) and stack.
        log: (obj) => {
          const err = obj.err;
          if (!(err instanceof Error)) return obj;
          const { err: _err, ...rest } = obj;
          return { ...rest, stack: err.stack };
        },
      },
      mixin: () => {
        const requestId = requestContext.requestId();
        return requestId === undefined ? NO_REQUEST : { requestId };
      },
      // Outside a request nothing is merged, so no object is copied for the line.
      mixinMergeStrategy: (line, mixin) => (mixin === NO_REQUEST ? line : Object.assign(mixin, line)),
    },
    destination,
  );
}

/** Nest's LoggerService over a service's pino logger (nestjs-pino's Logger: context, Error and stack handling). */
export function nestLogger(logger: Pino): NestPinoLogger {
  const params: Params = { pinoHttp: { logger } };
  return new NestPinoLogger(new PinoLogger(params), params);
}
