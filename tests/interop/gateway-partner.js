'use strict';
// An overseas partner's own client: @grpc/grpc-js with proto-loader and the platform's protos,
// calling through the gateway with its API key (from EXCHANGE_API_KEY).
//
//   EXCHANGE_API_KEY=exk_... node gateway-partner.js <host:port> <projectId> <invitationId> <foreignProjectId>
//
// Reads its projects, registers a delegate for the invitation, records an achievement, and
// checks that it sees nothing of the foreign project and that calls without a valid key fail.
// Prints "PASS <step>" per step and a last line "RESULT <json>", and exits 0; or says why and exits 1.

const path = require('node:path');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, projectId, invitationId, foreignProjectId] = process.argv.slice(2);
const apiKey = process.env.EXCHANGE_API_KEY;
if (!address || !projectId || !invitationId || !foreignProjectId || !apiKey) {
  console.error('usage: EXCHANGE_API_KEY=<key> node gateway-partner.js <host:port> <projectId> <invitationId> <foreignProjectId>');
  process.exit(2);
}

const definition = protoLoader.loadSync(
  ['exchange/projects/v1/projects.proto', 'exchange/missions/v1/missions.proto'],
  { includeDirs: [path.resolve(__dirname, '..', '..', 'protos')], longs: String, enums: String, defaults: true });
const loaded = grpc.loadPackageDefinition(definition);
const credentials = grpc.credentials.createInsecure();
const projects = new loaded.exchange.projects.v1.Projects(address, credentials);
const missions = new loaded.exchange.missions.v1.Missions(address, credentials);

function metadata(key = apiKey) {
  const md = new grpc.Metadata();
  if (key) md.set('x-api-key', key);
  return md;
}

/** A unary call that settles with its error or response, and the response headers. */
function call(client, method, request, md = metadata()) {
  return new Promise((resolve) => {
    const outcome = { error: null, response: null, headers: null };
    const c = client[method](request, md, { deadline: Date.now() + 20_000 }, (error, response) => {
      outcome.error = error;
      outcome.response = response;
    });
    c.on('metadata', (headers) => { outcome.headers = headers; });
    c.on('status', () => resolve(outcome));
  });
}

async function main() {
  const listed = await call(projects, 'ListProjects', { page: { pageSize: 500 } });
  assert.equal(listed.error, null, `ListProjects failed: ${listed.error?.details}`);
  const ids = listed.response.projects.map((p) => p.id);
  assert.ok(ids.includes(projectId), 'its own joint project is listed');
  assert.ok(!ids.includes(foreignProjectId), 'the foreign project is not listed');
  for (const p of listed.response.projects) {
    assert.ok(p.overseasBodies.some((b) => b.id === 'jena-city'), `listed project ${p.id} is not one of its joint projects`);
  }
  assert.ok(listed.headers.get('x-correlation-id').length > 0, 'the gateway returns a correlation id');
  console.log('PASS list_own_projects');

  const own = await call(projects, 'GetProject', { projectId });
  assert.equal(own.error, null, `GetProject failed: ${own.error?.details}`);
  assert.equal(own.response.id, projectId);
  const foreign = await call(projects, 'GetProject', { projectId: foreignProjectId });
  assert.equal(foreign.error?.code, grpc.status.NOT_FOUND, `the foreign project answered ${foreign.error?.code} ${foreign.error?.details}`);
  console.log('PASS read_own_project_not_foreign');

  const delegate = await call(missions, 'RegisterDelegate', {
    activityId: invitationId,
    person: { name: 'Petra Lange', role: 'project manager', country: 'DE', funding: 'FUNDING_PROGRAMME' },
  });
  assert.equal(delegate.error, null, `RegisterDelegate failed: ${delegate.error?.details}`);
  const petra = delegate.response.roster.find((r) => r.name === 'Petra Lange');
  assert.ok(petra && petra.delegate, 'the delegate is on the roster');
  console.log('PASS register_delegate');

  const achievementId = crypto.randomUUID().replaceAll('-', '');
  const achievement = await call(projects, 'RecordAchievement', {
    projectId,
    achievementId,
    kind: 'ACHIEVEMENT_KIND_AGREEMENT_OR_MOU',
    date: { year: 2007, month: 11, day: 20 },
    description: 'Cooperation agreement between Jena optics companies and Hamamatsu',
  });
  assert.equal(achievement.error, null, `RecordAchievement failed: ${achievement.error?.details}`);
  assert.ok(achievement.response.achievements.some((a) => a.id === achievementId), 'the achievement is recorded');
  console.log('PASS record_achievement');

  const missing = await call(projects, 'GetProject', { projectId }, metadata(null));
  assert.equal(missing.error?.code, grpc.status.UNAUTHENTICATED, 'a call without a key is refused');
  const wrong = await call(projects, 'GetProject', { projectId }, metadata(apiKey.slice(0, -4) + 'AAAA'));
  assert.equal(wrong.error?.code, grpc.status.UNAUTHENTICATED, 'a call with a wrong key is refused');
  console.log('PASS refused_without_valid_key');

  console.log('RESULT ' + JSON.stringify({ delegateId: petra.id, achievementId, missing: missing.error.details, wrong: wrong.error.details }));
}

main().then(() => process.exit(0), (error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
