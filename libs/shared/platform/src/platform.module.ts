/**
 * Everything a service shares: validated config, TypeORM on its own schema, Redis, auth
 * (closed by default), rate limiting, one error shape, health, metrics and audit.
 */
import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, PiiCipher } from '@cws/persistence';
import type IORedis from 'ioredis';
import { AuditController, AuditService, withPlatformEntities } from './audit';
import { AuthGuard, TokenService } from './auth';
import { SERVICE_CONFIG, type ServiceConfig } from './config';
import { KeysetCursor } from './cursor';
import { AllExceptionsFilter } from './errors';
import { HealthController } from './health.controller';
import { MachineToken } from './machine-token';
import { RateLimitStorageModule, RedisThrottlerStorage, SubjectThrottlerGuard } from './rate-limit';
import { createRedis, REDIS } from './redis';
import { SessionRevocations } from './revocations';
import { ServiceClient } from './service-client';

export interface PlatformOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

/** Closes the health-check Redis connection when the application stops. */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: IORedis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: ServiceConfig, options: PlatformOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: REDIS, useFactory: () => createRedis(config.redisUrl) },
      { provide: PiiCipher, useFactory: () => new PiiCipher(config.piiKeyId, config.piiKey, config.piiHashKey, config.piiOldKeys) },
      { provide: APP_FILTER, useClass: AllExceptionsFilter },
      // authenticate first: the rate limit counts the verified subject (user or API client)
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_GUARD, useClass: SubjectThrottlerGuard },
      AuditService,
      TokenService,
      SessionRevocations,
      RedisCloser,
      ServiceClient,
      MachineToken,
      KeysetCursor,
    ];
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            dataSourceOptions(config, withPlatformEntities(options.entities), options.migrations),
        }),
        ThrottlerModule.forRootAsync({
          imports: [RateLimitStorageModule.forRoot(config)],
          inject: [RedisThrottlerStorage],
          useFactory: (storage: RedisThrottlerStorage) => ({ throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }], storage }),
        }),
      ],
      controllers: [HealthController, AuditController],
      providers,
      exports: [SERVICE_CONFIG, REDIS, PiiCipher, AuditService, ServiceClient, TokenService, SessionRevocations, MachineToken, KeysetCursor],
    };
  }
}


