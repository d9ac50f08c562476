import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { CorpusApp } from './corpus-app.js';

/** A REST API starting a synchronous Express state machine. */
export default {
  description: 'StepFunctionsRestApi: an AWS integration starting an Express state machine synchronously',
  build(app) {
    const stack = new Stack(app, 'Workflows');
    const machine = new sfn.StateMachine(stack, 'Approve', {
      definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Done')),
      stateMachineType: sfn.StateMachineType.EXPRESS,
    });
    new apigateway.StepFunctionsRestApi(stack, 'WorkflowApi', { stateMachine: machine });
  },
} satisfies CorpusApp;
