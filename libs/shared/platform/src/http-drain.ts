import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { SERVICE_CONFIG, type ServiceConfig } from './config';
import { settledWithin } from './redis';

/**
 * The first thing a closing service does: stop taking requests and let those in flight finish. Nest
 * closes the HTTP server last, after TypeORM and the queues have closed, so without this a request
 * that arrived or was still running while the service drained its jobs met a closed database (a 500).
 * Runs in the first shutdown phase (`onModuleDestroy`); the data source closes in the last.
 */
@Injectable()
export class HttpDrain implements OnModuleDestroy {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onModuleDestroy(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // close() ends idle keep-alive connections now; one still answering is ended as soon as it turns idle
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    try {
      await settledWithin(closed, this.config.shutdownTimeoutMs);
    } finally {
      clearInterval(idle);
    }
  }
}
