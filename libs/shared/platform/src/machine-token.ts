/**
 * This service's own access token, for calls it makes as itself (not on behalf of the user):
 * OAuth2 client credentials at the workers service with `<SERVICE>_CLIENT_ID/_SECRET`, cached
 * until a minute before it expires. docs/security.md "Machine credentials".
 */
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from './config';
import { ServiceClient } from './service-client';

const RENEW_BEFORE_MS = 60_000;

interface TokenResponse {
  access_token: string;
  expires_in: number;
}

@Injectable()
export class MachineToken {
  private cached: { token: string; renewAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly client: ServiceClient,
  ) {}

  /** A valid access token of this service's machine client; one request at a time renews it. */
  async token(): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return this.cached.token;
    this.pending ??= this.fetch().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async fetch(): Promise<string> {
    const credential = this.config.machineClients[this.config.service];
    if (!credential) {
      const name = this.config.service.toUpperCase();
      throw new ServiceUnavailableException({
        code: 'MACHINE_CREDENTIAL_MISSING',
        message: `${name}_CLIENT_SECRET is not configured: the ${this.config.service} service has no credential of its own (docs/security.md)`,
        details: [],
      });
    }
    const res = await this.client.call<TokenResponse>('workers', '/v1/auth/token', {
      method: 'POST',
      body: { grant_type: 'client_credentials', client_id: credential.clientId, client_secret: credential.secret },
    });
    this.cached = { token: res.access_token, renewAt: Date.now() + Math.max(0, res.expires_in * 1000 - RENEW_BEFORE_MS) };
    return res.access_token;
  }
}
