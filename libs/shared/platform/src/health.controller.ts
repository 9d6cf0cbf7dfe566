import { Controller, Get, Inject, Injectable, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Response } from 'express';
import type IORedis from 'ioredis';
import { Public } from './auth';
import { metricsRegistry } from './metrics';
import { REDIS } from './redis';

/** How long a dependency may take to answer before it counts as down. */
const CHECK_TIMEOUT_MS = 2000;

type Check = { status: 'up' | 'down'; error?: string };

const CHECK_SCHEMA = {
  type: 'object',
  properties: { status: { type: 'string', description: 'up / down' }, error: { type: 'string', description: '不可用时的错误。The error when down.' } },
};
/** The health body (not the error shape: a monitor reads the same fields on 200 and 503). */
const HEALTH_SCHEMA = {
  type: 'object',
  properties: {
    status: { type: 'string', description: 'ok / unavailable' },
    down: { type: 'array', items: { type: 'string' }, description: '不可用的依赖（mysql、redis）。Dependencies that do not answer.' },
    checks: { type: 'object', description: '各依赖的检查结果。Per dependency.', properties: { mysql: CHECK_SCHEMA, redis: CHECK_SCHEMA } },
  },
};

/** Terminus has no Redis indicator outside @nestjs/microservices: PING through the service's own connection. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly indicators: HealthIndicatorService,
  ) {}

  pingCheck(key: string, timeoutMs: number): PromiseLike<HealthIndicatorResult> {
    return this.indicators.check(key).attempt(() => this.redis.ping().then(() => undefined)).withTimeout(timeoutMs);
  }
}

@ApiTags('operations')
@Public()
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    private readonly terminus: HealthCheckService,
    private readonly mysql: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /**
   * 200 when MySQL and Redis both answer; 503 naming the one that does not (and while shutting
   * down). The answer keeps the suite's shape `{status, down, checks}` rather than Terminus's own.
   */
  @Get('health')
  @ApiOperation({ summary: '健康检查', description: '200 when MySQL and Redis both answer; 503 naming the one that does not.' })
  @ApiOkResponse({ description: 'Both answer', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'MySQL or Redis does not answer (down names it), or the service is shutting down', schema: HEALTH_SCHEMA })
  async health(@Res() res: Response): Promise<void> {
    let result: HealthCheckResult;
    try {
      result = await this.terminus.check([
        () => this.mysql.pingCheck('mysql', { timeout: CHECK_TIMEOUT_MS }),
        () => this.redis.pingCheck('redis', CHECK_TIMEOUT_MS),
      ]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      result = e.getResponse() as HealthCheckResult;
    }
    const checks: Record<string, Check> = {};
    for (const [key, detail] of Object.entries(result.details)) {
      checks[key] = detail.status === 'up' ? { status: 'up' } : { status: 'down', error: String(detail.message ?? 'unavailable') };
    }
    const ok = result.status === 'ok';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', down: Object.keys(result.error ?? {}), checks });
  }

  @Get('metrics')
  @ApiOperation({ summary: '运行指标（Prometheus）', description: 'Prometheus text exposition format.' })
  @ApiOkResponse({ description: 'Prometheus metrics', content: { 'text/plain': { schema: { type: 'string' } } } })
  async metrics(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  }
}
