/**
 * The suite's own services call the workers API with machine credentials (OAuth2 client
 * credentials), never with a user's token when they need more than the user may see. The workers
 * service provisions each configured one at start-up from `<SERVICE>_CLIENT_ID/_SECRET`
 * (npm start generates the secret into var/secrets.env): the same secret on both sides, only its
 * bcrypt hash in the database. docs/security.md "Machine credentials".
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { AuditService, SERVICE_CONFIG, type ServiceConfig, type ServiceName } from '@cws/platform';
import { PAYROLL_READ, WORKERS_READ } from '../common/access';
import { ApiClientRepository } from './api-client.repository';
import type { ApiClientEntity } from './identity.entities';

/**
 * What each service's machine credential may do: payroll reads the snapshot with bank accounts to
 * pay; the scheduler's roster jobs read availability and posts (`workers:read`).
 */
export const MACHINE_CLIENT_PERMISSIONS: Partial<Record<ServiceName, string[]>> = {
  payroll: [PAYROLL_READ],
  scheduler: [WORKERS_READ],
};

@Injectable()
export class MachineClientProvisioner implements OnApplicationBootstrap {
  private readonly logger = new Logger('MachineClients');
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const [service, client] of Object.entries(this.config.machineClients) as [ServiceName, { clientId: string; secret: string }][]) {
      const permissions = MACHINE_CLIENT_PERMISSIONS[service];
      if (!permissions) continue;
      await this.provision(service, client.clientId, client.secret, permissions);
    }
  }

  /** Creates the client, or brings its secret, permissions and scope in line with the configuration (a rotated secret). */
  private async provision(service: ServiceName, clientId: string, secret: string, permissions: string[]): Promise<void> {
    await this.dataSource.transaction('READ COMMITTED', async (m) => {
      const existing = await ApiClientRepository.lockByClientId(m, clientId);
      const sameSecret = existing ? await bcrypt.compare(secret, existing.secretHash) : false;
      const samePerms = existing && JSON.stringify([...existing.permissions].sort()) === JSON.stringify([...permissions].sort());
      if (existing && sameSecret && samePerms && existing.active && existing.scopeLevel === 'CITY') return;
      const secretHash = sameSecret && existing ? existing.secretHash : await bcrypt.hash(secret, 10);
      const row: ApiClientEntity = {
        id: existing?.id ?? randomUUID(),
        clientId,
        name: existing?.name ?? `${service} service (machine credential)`,
        secretHash,
        scopeLevel: 'CITY',
        scopeDistrict: null,
        permissions,
        active: true,
        createdAt: existing?.createdAt ?? new Date(),
      };
      if (existing) await ApiClientRepository.update(m, existing.id, { secretHash, permissions, active: true, scopeLevel: 'CITY', scopeDistrict: null });
      else await ApiClientRepository.insert(m, row);
      const { secretHash: _omit, ...visible } = row;
      await this.audit.record(m, { entity: 'api_client', entityId: row.id, action: existing ? 'PROVISION_UPDATE' : 'PROVISION', after: { ...visible, secretRotated: !!existing && !sameSecret } });
      this.logger.log({ msg: existing ? 'machine client updated' : 'machine client provisioned', clientId, permissions });
    });
  }
}
