import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSynthService } from '../synth-client.mjs';
import { fixtureWorkshop } from './support/fixture-workshop.mjs';

let workshop;
let service;
beforeAll(async () => {
  workshop = await fixtureWorkshop({ synthesize: [] });
  service = startSynthService({ cwd: workshop.root });
});
afterAll(async () => {
  await service?.close();
  workshop?.remove();
});

const template = (folder, stack) =>
  JSON.parse(readFileSync(join(workshop.dir(folder), 'cdk.out', `${stack}.template.json`), 'utf8'));

describe('the synth service', () => {
  it('synthesizes a chapter into its cdk.out, bundling its functions, as cdk synth would', async () => {
    await service.synth(workshop.dir('01-fixture'));

    const resources = template('01-fixture', 'FixtureStack').Resources;
    const fn = Object.values(resources).find((resource) => resource.Type === 'AWS::Lambda::Function');
    expect(fn.Properties.Handler).toBe('index.handler');
    expect(existsSync(join(workshop.dir('01-fixture'), 'cdk.out', 'manifest.json'))).toBe(true);
  });

  it('picks up an edit of lib/ on the next synth, in the same process', async () => {
    workshop.edit(
      'chapters/02-refused/lib/refused-stack.ts',
      '\'{"refused":false}\'',
      '\'{"refused":"edited"}\'',
    );
    const pid = service.pid;
    await service.synth(workshop.dir('02-refused'));
    const method = Object.values(template('02-refused', 'RefusedStack').Resources).find(
      (resource) => resource.Type === 'AWS::ApiGateway::Method',
    );

    expect(method.Properties.Integration.IntegrationResponses[0].ResponseTemplates['application/json']).toBe(
      '{"refused":"edited"}',
    );
    expect(service.pid).toBe(pid);
  });

  it('reports an app that does not compile, and keeps serving the next request', async () => {
    workshop.edit('chapters/02-refused/lib/refused-stack.ts', 'export class RefusedStack', 'export class {');

    await expect(service.synth(workshop.dir('02-refused'))).rejects.toThrow(/refused-stack\.ts/);
    workshop.edit('chapters/02-refused/lib/refused-stack.ts', 'export class {', 'export class RefusedStack');
    await expect(service.synth(workshop.dir('02-refused'))).resolves.toMatchObject({
      ms: expect.any(Number),
    });
  });

  it('fails a synth that CloudFormation Validate refuses, as cdk synth fails, naming the rule', async () => {
    // The other tests' service skips the validation (this package's vitest environment): this one runs it.
    const previous = process.env.CDK_VALIDATION;
    delete process.env.CDK_VALIDATION;
    const validating = startSynthService({ cwd: workshop.root });
    process.env.CDK_VALIDATION = previous;
    const stack = 'chapters/02-refused/lib/refused-stack.ts';
    const invalid =
      "const api = new RestApi(this, 'RefusedApi');\n    (api.node.defaultChild as CfnResource).addPropertyOverride('NoSuchProperty', 1);";
    try {
      workshop.edit(stack, "const api = new RestApi(this, 'RefusedApi');", invalid);
      workshop.edit(
        stack,
        "import { Stack } from 'aws-cdk-lib';",
        "import { type CfnResource, Stack } from 'aws-cdk-lib';",
      );
      workshop.edit(
        'chapters/02-refused/cdk.json',
        '"context": {}',
        '"context": { "@aws-cdk/core:validateAgainstDefaultRules": true }',
      );
      await expect(validating.synth(workshop.dir('02-refused'))).rejects.toThrow(
        /CloudFormation Validate, which cdk synth runs, refuses the template:\nCloudFormation Validate F3002 \(error\): NoSuchProperty/,
      );
      workshop.edit(stack, invalid, "const api = new RestApi(this, 'RefusedApi');");
      await expect(validating.synth(workshop.dir('02-refused'))).resolves.toMatchObject({
        ms: expect.any(Number),
      });
    } finally {
      await validating.close();
    }
  });

  it('warms up on a chapter without writing its cdk.out', async () => {
    const fresh = await fixtureWorkshop({ synthesize: [] });
    try {
      await service.warm(fresh.dir('02-refused'));

      expect(existsSync(join(fresh.dir('02-refused'), 'cdk.out'))).toBe(false);
    } finally {
      fresh.remove();
    }
  });
});
