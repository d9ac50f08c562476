import { NestedStack, type NestedStackProps, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { type CorpusApp, handlerDir } from './corpus-app.js';

interface ResourceStackProps extends NestedStackProps {
  readonly restApiId: string;
  readonly rootResourceId: string;
}

/** A nested stack that adds one resource with a Lambda method to the API it is given by ID. */
class ResourceStack extends NestedStack {
  readonly methods: apigateway.Method[] = [];

  constructor(scope: Construct, id: string, path: string, props: ResourceStackProps) {
    super(scope, id, props);
    const api = apigateway.RestApi.fromRestApiAttributes(this, 'Api', {
      restApiId: props.restApiId,
      rootResourceId: props.rootResourceId,
    });
    const fn = new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir('hello')),
      environment: { GREETING: `hello ${path}` },
    });
    this.methods.push(api.root.addResource(path).addMethod('GET', new apigateway.LambdaIntegration(fn)));
  }
}

interface DeployStackProps extends NestedStackProps {
  readonly restApiId: string;
  readonly methods: apigateway.Method[];
}

/** A nested stack that deploys the API once the other nested stacks made their methods. */
class DeployStack extends NestedStack {
  constructor(scope: Construct, props: DeployStackProps) {
    super(scope, 'Deploy', props);
    const deployment = new apigateway.Deployment(this, 'Deployment', {
      api: apigateway.RestApi.fromRestApiId(this, 'Api', props.restApiId),
    });
    for (const method of props.methods) deployment.node.addDependency(method);
    new apigateway.Stage(this, 'Stage', { deployment, stageName: 'prod' });
  }
}

/** The layout aws-cdk-lib's API Gateway README recommends for APIs too large for one stack. */
export default {
  description: 'REST API split into nested stacks: one per resource, and one that deploys them',
  build(app) {
    const root = new Stack(app, 'PetStore');
    const api = new apigateway.RestApi(root, 'PetStoreApi', { deploy: false });
    api.root.addMethod('ANY');
    const ids = { restApiId: api.restApiId, rootResourceId: api.restApiRootResourceId };
    const pets = new ResourceStack(root, 'Pets', 'pets', ids);
    const books = new ResourceStack(root, 'Books', 'books', ids);
    new DeployStack(root, { restApiId: api.restApiId, methods: [...pets.methods, ...books.methods] });
  },
} satisfies CorpusApp;
