/**
 * Everything a service shares: validated config, TypeORM on its own schema, Redis, auth
 * (closed by default), rate limiting, one error shape, health, metrics and audit.
 */
import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ConfigModule, registerAs } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, PiiCipher } from '@cws/persistence';
import type IORedis from 'ioredis';
import { AuditController, AuditService, withPlatformEntities } from './audit';
import { AuthGuard, TokenService } from './auth';
import { SERVICE_CONFIG, type ServiceConfig } from './config';
import { KeysetCursor } from './cursor';
import { AllExceptionsFilter } from './errors';
import { HealthController, RedisHealthIndicator } from './health.controller';
import { HttpDrain } from './http-drain';
import { MachineToken } from './machine-token';
import { PiiKeyRotation } from './pii-rotation';
import { RateLimitStorageModule, RedisThrottlerStorage, SubjectThrottlerGuard } from './rate-limit';
import { closeRedis, createRedis, REDIS } from './redis';
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
  onApplicationShutdown(): Promise<void> {
    return closeRedis(this.redis);
  }
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: ServiceConfig, options: PlatformOptions): DynamicModule {
    // The validated config as @nestjs/config's `service` namespace (ConfigService.get('service'),
    // or inject serviceConfig.KEY); SERVICE_CONFIG is the same object. ConfigService reads nothing
    // else: config.ts stays the one reader of process.env.
    const serviceConfig = registerAs('service', () => config);
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useFactory: (c: ServiceConfig) => c, inject: [serviceConfig.KEY] },
      { provide: REDIS, useFactory: () => createRedis(config.redisUrl) },
      { provide: PiiCipher, useFactory: () => new PiiCipher(config.piiKeyId, config.piiKey, config.piiHashKey, config.piiOldKeys) },
      { provide: APP_FILTER, useClass: AllExceptionsFilter },
      // authenticate first: the rate limit counts the verified subject (user or API client)
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_GUARD, useClass: SubjectThrottlerGuard },
      HttpDrain,
      AuditService,
      TokenService,
      SessionRevocations,
      RedisCloser,
      ServiceClient,
      MachineToken,
      KeysetCursor,
      PiiKeyRotation,
      RedisHealthIndicator,
    ];
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, ignoreEnvVars: true, skipProcessEnv: true, load: [serviceConfig] }),
        // Health answers 503 on its own: Terminus's failure log line (not JSON) would only repeat it.
        TerminusModule.forRoot({ logger: false }),
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
      exports: [SERVICE_CONFIG, REDIS, PiiCipher, AuditService, ServiceClient, TokenService, SessionRevocations, MachineToken, KeysetCursor, PiiKeyRotation],
    };
  }
}


