/**
 * Bull Board at /admin/queues: every queue of the suite (they share one Redis and one prefix), for
 * CITY_ADMIN users only. Served by the workers service, which issues the tokens; the gateway sends
 * /admin/queues there.
 *
 * A browser opens the board by navigation, which carries no bearer token: the admin UI first calls
 * `POST /admin/queues/session` with its token, which puts that same access token in an HttpOnly,
 * SameSite=Strict cookie limited to /admin/queues. Every board request is then checked like an API
 * call (signature, expiry, revoked session, role): signing out, or a disabled account, closes it.
 *
 * The board itself (@bull-board with valibot and, through redis-info, lodash: ≈ 100 modules) is built on its first
 * authorised request, not when the service starts (docs/benchmarks.md, "Loading what a download needs").
 */
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BUDGET_POSTINGS_QUEUE } from '@cws/budget-contracts';
import type { Principal } from '@cws/kernel';
import { bullConnection } from '@cws/messaging';
import { PAYROLL_MAINTENANCE_QUEUE, PAYROLL_RUNS_QUEUE } from '@cws/payroll-contracts';
import { bearerOf, SERVICE_CONFIG, SessionRevocations, TokenService, type ServiceConfig, type VerifiedToken } from '@cws/platform';
import { SCHEDULER_EVENTS_QUEUE, SCHEDULER_GENERATIONS_QUEUE, SCHEDULER_ROSTERS_QUEUE } from '@cws/scheduler-contracts';
import { WORKERS_EVENTS_QUEUE, WORKERS_EVENTS_SCHEDULER_COPY, WORKERS_MAINTENANCE_QUEUE } from '@cws/workers-contracts';

export const BOARD_PATH = '/admin/queues';
const COOKIE = 'cws_queues';
export const BOARD_QUEUES = [
  BUDGET_POSTINGS_QUEUE, PAYROLL_MAINTENANCE_QUEUE, PAYROLL_RUNS_QUEUE, SCHEDULER_EVENTS_QUEUE, SCHEDULER_GENERATIONS_QUEUE,
  SCHEDULER_ROSTERS_QUEUE, WORKERS_EVENTS_QUEUE, WORKERS_EVENTS_SCHEDULER_COPY, WORKERS_MAINTENANCE_QUEUE,
];

type Refusal = { status: 401 | 403; code: string; message: string };
const refuse = (res: Response, r: Refusal) => res.status(r.status).json({ code: r.code, message: r.message, details: [] });

@Injectable()
export class QueueBoard implements OnModuleInit, OnModuleDestroy {
  private queues: Queue[] = [];
  private connection: IORedis | null = null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  private board: Promise<RequestHandler> | undefined;

  /**
   * Mounted on Express directly (outside the /api/workers prefix). Nest calls this after its routes
   * are registered and before its not-found handler, so the board's paths still reach it.
   */
  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http || http.getType() !== 'express') return;
    const app = http.getInstance() as { use(path: string, ...handlers: unknown[]): void };
    app.use(`${BOARD_PATH}/session`, (req: Request, res: Response) => void this.openSession(req, res));
    app.use(
      BOARD_PATH,
      (req: Request, res: Response, next: NextFunction) => void this.guard(req, res, next),
      (req: Request, res: Response, next: NextFunction) => void this.boardRouter().then((router) => router(req, res, next), next),
    );
  }

  /** The board's router, built once, on the first request past the guard. */
  private boardRouter(): Promise<RequestHandler> {
    return (this.board ??= (async () => {
      const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
        import('@bull-board/api'), import('@bull-board/api/bullMQAdapter'), import('@bull-board/express'),
      ]);
      const server = new ExpressAdapter();
      server.setBasePath(BOARD_PATH);
      // one connection for the board's queues, opened on its first read
      this.connection = new IORedis({ ...bullConnection(this.config.redisUrl), lazyConnect: true });
      this.queues = BOARD_QUEUES.map((name) => new Queue(name, { connection: this.connection!, prefix: this.config.queuePrefix }));
      createBullBoard({ queues: this.queues.map((q) => new BullMQAdapter(q)), serverAdapter: server, options: { uiConfig: { boardTitle: 'CWS queues' } } });
      return server.getRouter() as RequestHandler;
    })());
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
    this.connection?.disconnect();
  }

  /** POST with the bearer token of a CITY_ADMIN: sets the board cookie (as long as the token lives). */
  private async openSession(req: Request, res: Response): Promise<void> {
    if (req.method !== 'POST') {
      res.status(405).json({ code: 'METHOD_NOT_ALLOWED', message: 'POST with a bearer token', details: [] });
      return;
    }
    const token = bearerOf(req.headers.authorization);
    const checked = await this.check(token);
    if ('status' in checked) return void refuse(res, checked);
    const maxAge = Math.max(1, checked.exp - Math.floor(Date.now() / 1000));
    res.setHeader('set-cookie', `${COOKIE}=${token}; Path=${BOARD_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict`);
    res.setHeader('cache-control', 'no-store');
    res.status(204).end();
  }

  private async guard(req: Request, res: Response, next: NextFunction): Promise<void> {
    const fromCookie = cookie(req.headers.cookie, COOKIE);
    const token = bearerOf(req.headers.authorization) ?? fromCookie;
    // a cookie rides on cross-site requests too: a change (retry, clean, …) must come from this origin
    if (token === fromCookie && req.method !== 'GET' && req.method !== 'HEAD' && req.headers['sec-fetch-site'] && req.headers['sec-fetch-site'] !== 'same-origin') {
      return void refuse(res, { status: 403, code: 'CROSS_SITE_REQUEST', message: 'Board changes must come from the board itself' });
    }
    const checked = await this.check(token);
    if ('status' in checked) return void refuse(res, checked);
    // the board's page loads its own bundle and styles; helmet's default CSP is kept otherwise
    res.setHeader('cache-control', 'no-store');
    next();
  }

  private async check(token: string | undefined): Promise<Refusal | { principal: Principal; exp: number }> {
    if (!token) return { status: 401, code: 'UNAUTHENTICATED', message: 'Sign in as a CITY_ADMIN first' };
    let verified: VerifiedToken;
    try {
      verified = this.tokens.verifyToken(token);
    } catch {
      return { status: 401, code: 'INVALID_TOKEN', message: 'The access token is invalid or expired' };
    }
    if (verified.sessionId && (await this.revocations.isRevoked(verified.sessionId))) {
      return { status: 401, code: 'INVALID_TOKEN', message: 'The access token is invalid or expired' };
    }
    const p = verified.principal;
    if (p.kind !== 'user' || !p.roles.includes('CITY_ADMIN') || p.scope.level !== 'CITY') {
      return { status: 403, code: 'FORBIDDEN', message: 'The queue board is for city administrators' };
    }
    return { principal: p, exp: verified.expiresAt };
  }
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
