/** Everything that defines the workers service: its module, entities and migrations. */
import { Module } from '@nestjs/common';
import { MESSAGING_ENTITIES, MessagingModule } from '@cws/messaging';
import { PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { PruneRefreshTokensJob } from '@cws/workers-contracts';
import { AuthController, IdentityAdminController } from './identity/auth.controller';
import { AuthService } from './identity/auth.service';
import { ApiClientEntity, RefreshTokenEntity, UserEntity } from './identity/identity.entities';
import { MaintenanceScheduler } from './maintenance/maintenance-scheduler';
import { PruneRefreshTokensHandler } from './maintenance/prune-refresh-tokens.job';
import { IdentityAndOrg1764150000000 } from './migrations/1764150000000-identity-and-org';
import { OrgController } from './org/org.controller';
import { CommunityBodyEntity, CommunityEntity, DistrictEntity, StreetEntity } from './org/org.entities';
import { OrgService } from './org/org.service';

export const WORKERS_ENTITIES = [
  ...MESSAGING_ENTITIES,
  ApiClientEntity,
  CommunityBodyEntity,
  CommunityEntity,
  DistrictEntity,
  RefreshTokenEntity,
  StreetEntity,
  UserEntity,
];

export const WORKERS_MIGRATIONS = [IdentityAndOrg1764150000000];

export const WORKERS_JOBS = [PruneRefreshTokensJob];

export function workersService(config: ServiceConfig): ServiceDefinition {
  @Module({
    controllers: [AuthController, IdentityAdminController, OrgController],
    imports: [
      MessagingModule.forRoot(config, { consumes: WORKERS_JOBS }),
      PlatformModule.forRoot(config, { entities: WORKERS_ENTITIES, migrations: WORKERS_MIGRATIONS }),
    ],
    providers: [AuthService, MaintenanceScheduler, OrgService, PruneRefreshTokensHandler],
  })
  class WorkersModule {}

  return {
    config,
    module: WorkersModule,
    title: 'Community Workforce Suite — workers',
    description: 'The register: org tree, workers, appointments, training, secondments, recruitment; identity and access.',
    entities: WORKERS_ENTITIES,
    migrations: WORKERS_MIGRATIONS,
  };
}
