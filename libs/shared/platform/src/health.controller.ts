import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from './auth';
import { metricsRegistry } from './metrics';
import { REDIS } from './redis';

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

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('operations')
@Public()
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  /** 200 when MySQL and Redis both answer; 503 naming the one that does not. */
  @Get('health')
  @ApiOperation({ summary: '健康检查', description: '200 when MySQL and Redis both answer; 503 naming the one that does not.' })
  @ApiOkResponse({ description: 'Both answer', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'MySQL or Redis does not answer (down names it)', schema: HEALTH_SCHEMA })
  async health(@Res() res: Response): Promise<void> {
    const check = async (fn: () => Promise<unknown>): Promise<Check> => {
      try {
        await withTimeout(fn(), 2000);
        return { status: 'up' };
      } catch (e) {
        return { status: 'down', error: (e as Error).message };
      }
    };
    const [mysql, redis] = await Promise.all([check(() => this.dataSource.query('SELECT 1')), check(() => this.redis.ping())]);
    const ok = mysql.status === 'up' && redis.status === 'up';
    const down = [mysql.status === 'down' ? 'mysql' : null, redis.status === 'down' ? 'redis' : null].filter(Boolean);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', down, checks: { mysql, redis } });
  }

  @Get('metrics')
  @ApiOperation({ summary: '运行指标（Prometheus）', description: 'Prometheus text exposition format.' })
  @ApiOkResponse({ description: 'Prometheus metrics', content: { 'text/plain': { schema: { type: 'string' } } } })
  async metrics(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  }
}
