/**
 * Starts a service: migrations (when configured), JSON logs, helmet, CORS allow-list, validation,
 * OpenAPI at /api/<service>/docs, and graceful shutdown that lets in-flight work finish.
 */
import cluster from 'node:cluster';
import { Logger, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { migrate } from '@cws/persistence';
import helmet from 'helmet';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServiceConfig } from './config';
import { createValidationPipe } from './errors';
import { createPinoLogger, nestLogger } from './logger';
import { createOpenApiDocument } from './openapi';
import { gatewayTrustMiddleware } from './gateway-trust';
import { requestIdMiddleware } from './request-id.middleware';
import { withPlatformEntities } from './audit';
import { processCount, superviseProcesses } from './processes';

export interface ServiceDefinition {
  config: ServiceConfig;
  module: Type<unknown>;
  title: string;
  description: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

/** Builds (without listening) a configured Nest application — used by main.ts and by tests. */
export async function createServiceApp(def: ServiceDefinition, opts: { quiet?: boolean } = {}): Promise<INestApplication> {
  const { config } = def;
  const logger = createPinoLogger(config.service, opts.quiet ? 'error' : config.logLevel);
  if (config.runMigrations) {
    const ran = await migrate(config, withPlatformEntities(def.entities), def.migrations);
    if (ran.length) logger.info({ context: 'Bootstrap', msg: 'migrations applied', migrations: ran });
  }
  const nest = nestLogger(logger);
  const app = await NestFactory.create(def.module, { logger: nest, bufferLogs: true });
  app.useLogger(nest);
  // Behind the gateway every request comes from loopback: take the client IP from X-Forwarded-For,
  // or every user would share one rate limit; but only the gateway's (address, and proof when set).
  (app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void }).set('trust proxy', config.trustProxy);
  answerMalformedRequestsInJson(app.getHttpServer() as Server);
  app.use(gatewayTrustMiddleware(config.gatewaySecret));
  app.use(requestIdMiddleware(logger));
  app.use(helmet());
  app.enableCors({ origin: config.corsOrigins, credentials: true });
  app.setGlobalPrefix(`api/${config.service}`);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = createOpenApiDocument(app, def.title, def.description);
  SwaggerModule.setup(`api/${config.service}/docs`, app, document, { jsonDocumentUrl: `api/${config.service}/docs-json` });
  try {
    // Initialise now, so start-up checks (e.g. the job registry) fail before we listen.
    await app.init();
  } catch (err) {
    await app.close().catch(() => undefined);
    throw err;
  }
  return app;
}

export async function runService(def: ServiceDefinition): Promise<INestApplication> {
  const app = await createServiceApp(def);
  // Loopback unless HOST / BIND_ADDRESS opens it: the gateway is the one public entry (docs/security.md).
  await app.listen(def.config.port, def.config.host);
  const server = app.getHttpServer();
  // Keep-alive sockets must not hold shutdown open forever; in-flight requests still finish (HttpDrain).
  server.keepAliveTimeout = 5000;
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(1), def.config.shutdownTimeoutMs).unref();
    });
  }
  new Logger('Bootstrap').log({ msg: 'listening', host: def.config.host, port: (server.address() as { port: number }).port });
  return app;
}

/**
 * Requests Node's HTTP parser refuses (a control character in an Authorization header, an oversized
 * header block, …) never reach Nest; without this they get a bare-text 400. They get the JSON error shape.
 */
export function answerMalformedRequestsInJson(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      code: tooLarge ? 'HEADERS_TOO_LARGE' : 'MALFORMED_REQUEST',
      message: tooLarge ? 'The request headers are too large' : 'The request is not valid HTTP (e.g. a header holds a forbidden character)',
      details: [],
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * main.ts: one process, or in cluster mode (`<SERVICE>_PROCESSES` / `CWS_PROCESSES` > 1) a primary
 * that runs the migrations once, then forks that many processes (without migrations) and supervises them.
 */
export async function runServiceProcesses(def: ServiceDefinition): Promise<void> {
  const count = processCount(def.config.service);
  if (count <= 1 || !cluster.isPrimary) {
    await runService(def);
    return;
  }
  if (def.config.runMigrations) await migrate(def.config, withPlatformEntities(def.entities), def.migrations);
  const logger = createPinoLogger(def.config.service, def.config.logLevel);
  superviseProcesses(count, (msg) => logger.info({ context: 'Cluster', msg }));
}
