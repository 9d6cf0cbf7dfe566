import { Injectable, Module } from '@nestjs/common';
import { defineJob } from '@cws/kernel';
import { JobHandler, MessagingModule } from '@cws/messaging';
import { createServiceApp, PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { dropTestResources, testConfig } from './test-app';

const Registered = defineJob<{ n: number }>('registry-test', 'registered');
const Other = defineJob<{ n: number }>('registry-test', 'other');

@Injectable()
class FirstHandler {
  @JobHandler(Registered)
  handle(): void {}
}

@Injectable()
class SecondHandler {
  @JobHandler(Registered)
  handle(): void {}
}

function serviceWith(providers: Array<new () => unknown>, consumes = [Registered, Other]) {
  return (config: ServiceConfig): ServiceDefinition => {
    @Module({
      imports: [MessagingModule.forRoot(config, { consumes }), PlatformModule.forRoot(config, { entities: [], migrations: [] })],
      providers,
    })
    class RegistryTestModule {}
    return { config, module: RegistryTestModule, title: 't', description: 't', entities: [], migrations: [] };
  };
}

describe('job registry check at start-up', () => {
  it('refuses to start when a registered job has no handler', async () => {
    const config = testConfig('workers');
    try {
      await expect(createServiceApp(serviceWith([FirstHandler])(config), { quiet: true })).rejects.toThrow(
        'job registry-test:other has no handler',
      );
    } finally {
      await dropTestResources(config);
    }
  });

  it('refuses to start when a job has two handlers', async () => {
    const config = testConfig('workers');
    try {
      await expect(createServiceApp(serviceWith([FirstHandler, SecondHandler], [Registered])(config), { quiet: true })).rejects.toThrow(
        /job registry-test:registered has 2 handlers: FirstHandler.handle, SecondHandler.handle/,
      );
    } finally {
      await dropTestResources(config);
    }
  });
});
