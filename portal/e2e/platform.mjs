// Starts the Exchange platform for the portal's end-to-end tests: the four services and the
// gateway, built beforehand (`dotnet build`), on their own ports (so that a platform started with
// deploy/run.sh can keep running), with a fresh data folder, demo projects, the private RabbitMQ
// node, and the gateway serving portal/dist. Creates the API keys the tests sign in with: an admin
// key with the gateway's command line, the others through the gateway's ApiKeys API.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const basePort = Number(process.env.EXCHANGE_E2E_BASE_PORT ?? 7300);

/** name, project folder, rpc port, http port */
const services = [
  ['projects', 'services/Exchange.Projects', basePort + 1, basePort + 11],
  ['missions', 'services/Exchange.Missions', basePort + 2, basePort + 12],
  ['claims', 'services/Exchange.Claims', basePort + 3, basePort + 13],
  ['surveys', 'services/Exchange.Surveys', basePort + 4, basePort + 14],
];
const gatewayFolder = 'gateway/Exchange.Gateway';
export const gatewayHttpPort = basePort + 80;
const gatewayRpcPort = basePort + 81;

/** The newest build of a project: Debug (the test command's build) or Release (the run command's). */
function assembly(folder) {
  const name = folder.split('/').pop();
  const candidates = ['Debug', 'Release']
    .map((c) => join(repoRoot, folder, 'bin', c, 'net10.0', name + '.dll'))
    .filter((f) => existsSync(f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (candidates.length === 0) throw new Error(`${folder} is not built: run dotnet build Exchange.sln first`);
  return candidates[0];
}

function rabbitMqUrl() {
  if (process.env.EXCHANGE_TEST_RABBITMQ) return process.env.EXCHANGE_TEST_RABBITMQ;
  execFileSync('bash', ['deploy/local/rabbitmq.sh', 'start'], { cwd: repoRoot, stdio: 'ignore' });
  return execFileSync('bash', ['deploy/local/rabbitmq.sh', 'url'], { cwd: repoRoot }).toString().trim();
}

async function waitFor(url, name, child, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (code ${child.exitCode}) before it became ready; see its log`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} did not become ready at ${url} within ${seconds}s`);
}

export async function startPlatform() {
  const run = `${new Date().toISOString().replace(/[-:T.Z]/g, '').slice(0, 14)}-${process.pid}`;
  // One folder, emptied at each start: the last run's logs stay for reading.
  const state = join(repoRoot, '.state', 'e2e');
  rmSync(state, { recursive: true, force: true });
  const logs = join(state, 'logs');
  mkdirSync(logs, { recursive: true });
  const portalRoot = join(repoRoot, 'portal', 'dist');
  if (!existsSync(join(portalRoot, 'index.html'))) throw new Error('portal/dist is not built: run npm run build in portal/');

  const common = {
    ...process.env,
    ConnectionStrings__RabbitMq: rabbitMqUrl(),
    Database__DataFolder: join(state, 'data'),
    Identity__DevelopmentKeysFolder: join(state, 'keys'),
    Demo__Load: 'true',
    Services__Projects: `http://127.0.0.1:${basePort + 1}`,
    DOTNET_NOLOGO: '1',
  };
  const children = [];
  const start = (name, folder, env) => {
    const log = openSync(join(logs, name + '.log'), 'a');
    const child = spawn('dotnet', [assembly(folder), '--contentRoot', join(repoRoot, folder)], {
      cwd: repoRoot, env: { ...common, ...env }, stdio: ['ignore', log, log],
    });
    children.push(child);
    return child;
  };
  const stop = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => { c.once('exit', r); setTimeout(r, 10000); }))));
  };

  try {
    // The services that learn projects from events first, so that their queues exist when the
    // Projects service publishes the demo projects it loads at start.
    const started = new Map();
    const startService = ([name, folder, rpc, http]) => started.set(name, start(name, folder, {
      Endpoints__RpcPort: String(rpc), Endpoints__HttpPort: String(http), Messaging__QueuePrefix: `${name}-e2e-${run}`,
    }));
    const ready = (list) => Promise.all(list.map(([name, , , http]) => waitFor(`http://127.0.0.1:${http}/readyz`, name, started.get(name))));
    const [projects, ...consumers] = services;
    consumers.forEach(startService);
    await ready(consumers);
    startService(projects);
    await ready([projects]);

    const gatewayEnv = {
      Endpoints__RpcPort: String(gatewayRpcPort),
      Endpoints__HttpPort: String(gatewayHttpPort),
      Gateway__Portal__Root: portalRoot,
      // Many calls from one browser in a short test: the default rate limit is for partners' scripts.
      Gateway__RateLimit__PermitsPerSecond: '1000',
      Gateway__RateLimit__BurstLimit: '1000',
    };
    for (const [name, , rpc, http] of services) {
      gatewayEnv[`Gateway__Services__${name}__Address`] = `http://127.0.0.1:${rpc}`;
      gatewayEnv[`Gateway__Services__${name}__Http`] = `http://127.0.0.1:${http}`;
    }
    const gateway = start('gateway', gatewayFolder, gatewayEnv);
    await waitFor(`http://127.0.0.1:${gatewayHttpPort}/healthz`, 'gateway', gateway);

    const adminKey = execFileSync('dotnet', [assembly(gatewayFolder), 'keys', 'create', '--organisation', 'platform-operators', '--role', 'admin', '--name', 'portal end-to-end tests'], {
      cwd: repoRoot, env: { ...common, ...gatewayEnv }, stdio: ['ignore', 'pipe', 'pipe'],
    }).toString().split('\n').map((l) => l.trim()).find((l) => /^exk_\S+$/.test(l));
    if (!adminKey) throw new Error('the gateway\'s keys create command printed no key');

    return { baseUrl: `http://127.0.0.1:${gatewayHttpPort}`, adminKey, state, logs, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** A unary Connect call through the gateway, as the tests' own setup does it. */
export async function call(baseUrl, key, method, request) {
  const headers = { 'content-type': 'application/json', 'connect-protocol-version': '1' };
  if (key) headers['x-api-key'] = key;
  const response = await fetch(`${baseUrl}/${method}`, { method: 'POST', headers, body: JSON.stringify(request) });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(`${method}: ${body.code ?? response.status} ${body.message ?? ''}`);
    error.code = body.code;
    throw error;
  }
  return body;
}

/** Calls until it succeeds (events between services take a moment), at most `seconds`. */
export async function eventually(action, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      return await action();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
