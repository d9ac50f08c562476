// The peer: serverless-offline 13 with serverless 3 (the newest pair that runs offline without a login),
// installed into the git-ignored .bench/peer folder by this script — never a project dependency — and
// serving chapter 01's own bundled handler.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SERVERLESS = 'serverless@3.40.0';
const OFFLINE = 'serverless-offline@13.10.1';

/** The folder of the bundled asset of `logicalId` in a cloud assembly. */
function assetFolder(assemblyDir, stackId, logicalId) {
  const template = JSON.parse(readFileSync(join(assemblyDir, `${stackId}.template.json`), 'utf8'));
  const key = template.Resources[logicalId].Properties.Code.S3Key;
  const assets = JSON.parse(readFileSync(join(assemblyDir, `${stackId}.assets.json`), 'utf8'));
  for (const asset of Object.values(assets.files)) {
    if (Object.values(asset.destinations).some((d) => d.objectKey === key))
      return join(assemblyDir, asset.source.path);
  }
  throw new Error(`no asset for ${logicalId}`);
}

/**
 * Installs the peer when missing and starts it on `port`, serving `GET /prod/` with chapter 01's
 * RestProxyFn. Resolves with the URL and the process once it answers.
 */
export async function startPeer(root, port, log) {
  const dir = join(root, '.bench', 'peer');
  if (!existsSync(join(dir, 'node_modules', 'serverless-offline'))) {
    log(`installing ${SERVERLESS} and ${OFFLINE} into .bench/peer (once)`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', SERVERLESS, OFFLINE], {
      cwd: dir,
      stdio: 'inherit',
    });
  }
  cpSync(
    assetFolder(join(root, 'chapters/01-rest-proxy/cdk.out'), 'ProxyCorsRestapiStack', 'RestProxyFn04E83FA9'),
    join(dir, 'handler'),
    {
      recursive: true,
    },
  );
  writeFileSync(
    join(dir, 'serverless.yml'),
    [
      'service: cors-workshop-bench',
      "frameworkVersion: '3'",
      'provider: { name: aws, runtime: nodejs20.x, region: us-east-1, stage: prod }',
      'plugins: [serverless-offline]',
      `custom: { serverless-offline: { host: 127.0.0.1, httpPort: ${port}, lambdaPort: ${port + 1}, noTimeout: true } }`,
      'functions:',
      '  restProxy:',
      '    handler: handler/index.handler',
      '    events: [{ http: { path: /, method: get } }]',
      '',
    ].join('\n'),
  );
  const child = spawn(
    process.execPath,
    [join(dir, 'node_modules/serverless/bin/serverless.js'), 'offline', 'start'],
    {
      cwd: dir,
      stdio: 'ignore',
      env: {
        ...process.env,
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
        SLS_DEPRECATION_DISABLE: '*',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      },
    },
  );
  const url = `http://127.0.0.1:${port}/prod/`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serverless offline exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { child, url };
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error('serverless offline did not answer within 60 s');
}
