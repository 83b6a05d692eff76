'use strict';
// The standard gRPC interop cases, run by @grpc/grpc-js against a server of
// exchange.interop.v1.InteropTest and grpc.health.v1.Health.
//
//   node grpcjs-client.js <host:port> <case>
//
// Prints "PASS <case>" and exits 0, or prints why the case failed and exits 1.

const path = require('node:path');
const assert = require('node:assert/strict');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const MiB = 1024 * 1024;
const CASE_TIMEOUT_MS = 45_000;
const Status = grpc.status;

const definition = protoLoader.loadSync(['interop.proto', 'grpc/health/v1/health.proto'], {
  includeDirs: [__dirname, path.resolve(__dirname, '..', '..', 'protos')],
  longs: String,
  enums: String,
  defaults: true,
});
const loaded = grpc.loadPackageDefinition(definition);
const InteropTest = loaded.exchange.interop.v1.InteropTest;
const Health = loaded.grpc.health.v1.Health;

/** A unary call that settles with everything the caller can see: error, response, headers, status. */
function unary(client, method, request, { metadata = new grpc.Metadata(), deadlineMs } = {}) {
  return new Promise((resolve) => {
    const options = deadlineMs ? { deadline: Date.now() + deadlineMs } : {};
    const outcome = { error: null, response: null, headers: null, status: null };
    const call = client[method](request, metadata, options, (error, response) => {
      outcome.error = error;
      outcome.response = response;
    });
    call.on('metadata', (headers) => { outcome.headers = headers; });
    call.on('status', (status) => resolve({ ...outcome, status }));
  });
}

/**
 * A server-streaming call, collected until its status. `onMessage(message, call, messages)` may
 * cancel the call.
 */
function serverStream(client, method, request, { metadata = new grpc.Metadata(), deadlineMs, onMessage } = {}) {
  return new Promise((resolve) => {
    const options = deadlineMs ? { deadline: Date.now() + deadlineMs } : {};
    const outcome = { messages: [], headers: null, error: null };
    const call = client[method](request, metadata, options);
    call.on('metadata', (headers) => { outcome.headers = headers; });
    call.on('data', (message) => {
      outcome.messages.push(message);
      if (onMessage) onMessage(message, call, outcome.messages);
    });
    call.on('error', (error) => { outcome.error = error; });
    call.on('status', (status) => resolve({ ...outcome, status }));
  });
}

function expectStatus(outcome, code, what) {
  const { status } = outcome;
  assert.equal(status.code, code,
    `${what}: expected status ${Status[code]} (${code}), got ${Status[status.code]} (${status.code}) "${status.details}"`);
}

function expectOk(outcome, what) {
  expectStatus(outcome, Status.OK, what);
}

function expectZeros(body, size, what) {
  assert.ok(Buffer.isBuffer(body), `${what}: payload body is not bytes`);
  assert.equal(body.length, size, `${what}: payload has ${body.length} bytes, expected ${size}`);
  assert.ok(body.every((b) => b === 0), `${what}: payload bytes are not all zero`);
}

function pattern(size) {
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = i % 251;
  return body;
}

/** The server must still answer after a case that ended a call abnormally. */
async function expectServerAlive(client, after) {
  const outcome = await unary(client, 'EmptyCall', {});
  expectOk(outcome, `EmptyCall after ${after} (the server must survive)`);
}

function metadataValues(metadata, key) {
  return metadata ? metadata.get(key) : [];
}

const cases = {
  async empty_unary(client) {
    const outcome = await unary(client, 'EmptyCall', {});
    expectOk(outcome, 'EmptyCall');
    assert.deepEqual(outcome.response, {}, 'EmptyCall must answer an empty message');
  },

  async large_unary(client) {
    const requestSize = 1536 * 1024;
    const responseSize = 1280 * 1024;
    const outcome = await unary(client, 'UnaryCall', {
      responseSize, payload: { body: pattern(requestSize) }, text: 'large',
    });
    expectOk(outcome, 'UnaryCall with 1.5 MiB request');
    expectZeros(outcome.response.payload.body, responseSize, 'UnaryCall response');
    assert.equal(outcome.response.text, 'large', 'UnaryCall must echo text');
  },

  async server_streaming(client) {
    const sizes = [31415, 9, 2653, 58979, 0];
    const outcome = await serverStream(client, 'StreamingOutputCall', { responseSizes: sizes });
    expectOk(outcome, 'StreamingOutputCall');
    assert.equal(outcome.messages.length, sizes.length,
      `expected ${sizes.length} responses, got ${outcome.messages.length}`);
    outcome.messages.forEach((message, i) => {
      assert.equal(message.index, i, `response ${i} carries index ${message.index}: out of order`);
      expectZeros(message.payload ? message.payload.body : Buffer.alloc(0), sizes[i], `response ${i}`);
    });
  },

  async custom_metadata(client) {
    const textValue = 'test_initial_metadata_value';
    const binValue = Buffer.from([0x0a, 0x0b, 0x0a, 0x0b, 0x0a, 0x0b]);
    const trailerText = 'test_trailing_metadata_value';
    const trailerBin = Buffer.from([0xab, 0xab, 0xab]);
    const request = () => {
      const md = new grpc.Metadata();
      md.set('x-echo-initial', textValue);
      md.set('x-echo-initial-bin', binValue);
      md.set('x-echo-trailer-text', trailerText);
      md.set('x-echo-trailer-bin', trailerBin);
      return md;
    };
    const check = (outcome, what, headersOf) => {
      const headers = headersOf(outcome);
      const trailers = outcome.status.metadata;
      assert.deepEqual(metadataValues(headers, 'x-echo-initial'), [textValue], `${what}: text header not echoed`);
      assert.equal(metadataValues(headers, 'x-echo-initial-bin').length, 1, `${what}: -bin header not echoed`);
      assert.ok(binValue.equals(headers.get('x-echo-initial-bin')[0]), `${what}: -bin header bytes differ`);
      assert.deepEqual(metadataValues(trailers, 'x-echo-trailer-text'), [trailerText], `${what}: text trailer not echoed`);
      assert.equal(metadataValues(trailers, 'x-echo-trailer-bin').length, 1, `${what}: -bin trailer not echoed`);
      assert.ok(trailerBin.equals(trailers.get('x-echo-trailer-bin')[0]), `${what}: -bin trailer bytes differ`);
    };

    const unaryOutcome = await unary(client, 'UnaryCall', { responseSize: 314159 }, { metadata: request() });
    expectOk(unaryOutcome, 'UnaryCall with metadata');
    assert.ok(unaryOutcome.headers, 'UnaryCall: no response headers arrived');
    assert.deepEqual(metadataValues(unaryOutcome.headers, 'x-echo-trailer-text'), [],
      'UnaryCall: a trailer echo came back in the headers');
    check(unaryOutcome, 'UnaryCall', (o) => o.headers);

    const streamOutcome = await serverStream(client, 'StreamingOutputCall', { responseSizes: [1, 2] }, { metadata: request() });
    expectOk(streamOutcome, 'StreamingOutputCall with metadata');
    check(streamOutcome, 'StreamingOutputCall', (o) => o.headers);

    // A status without messages may come as Trailers-Only: one header block carries everything.
    const failedOutcome = await unary(client, 'UnaryCall',
      { responseStatus: { code: Status.ABORTED, message: 'aborted on purpose' } }, { metadata: request() });
    expectStatus(failedOutcome, Status.ABORTED, 'UnaryCall with metadata and an error');
    check(failedOutcome, 'UnaryCall answering with an error',
      (o) => (metadataValues(o.headers, 'x-echo-initial').length > 0 ? o.headers : o.status.metadata));
  },

  async status_code_and_message(client) {
    const message = '\t\n規則 ü: 100% sure ☺ 😈 %41 \r\n';
    const unaryOutcome = await unary(client, 'UnaryCall', { responseStatus: { code: 9, message } });
    expectStatus(unaryOutcome, Status.FAILED_PRECONDITION, 'UnaryCall asking for status 9');
    assert.equal(unaryOutcome.status.details, message, 'UnaryCall: status message differs');

    // After a message the status travels in real trailers rather than Trailers-Only.
    const streamOutcome = await serverStream(client, 'StreamingOutputCall',
      { responseSizes: [3], responseStatus: { code: 9, message } });
    expectStatus(streamOutcome, Status.FAILED_PRECONDITION, 'StreamingOutputCall asking for status 9');
    assert.equal(streamOutcome.messages.length, 1, 'StreamingOutputCall: the message before the status was lost');
    assert.equal(streamOutcome.status.details, message, 'StreamingOutputCall: status message differs');
  },

  async unimplemented_method(client) {
    const outcome = await unary(client, 'UnimplementedCall', {});
    expectStatus(outcome, Status.UNIMPLEMENTED, 'UnimplementedCall');
  },

  async unimplemented_service(client, address) {
    const generic = new grpc.Client(address, grpc.credentials.createInsecure());
    try {
      const status = await new Promise((resolve) => {
        const call = generic.makeUnaryRequest('/exchange.interop.v1.NoSuchService/EmptyCall',
          () => Buffer.alloc(0), (bytes) => bytes, {}, () => {});
        call.on('status', resolve);
      });
      expectStatus({ status }, Status.UNIMPLEMENTED, 'a call to a service the server does not have');
    } finally {
      generic.close();
    }
  },

  async client_streaming_unimplemented(client) {
    const status = await new Promise((resolve) => {
      const call = client.StreamingInputCall(() => {});
      call.on('status', resolve);
      call.write({ payload: { body: pattern(27182) } });
      call.end();
    });
    expectStatus({ status }, Status.UNIMPLEMENTED, 'StreamingInputCall');

    const duplexStatus = await new Promise((resolve) => {
      const call = client.FullDuplexCall();
      call.on('data', () => {});
      call.on('error', () => {});
      call.on('status', resolve);
      call.write({ responseSizes: [1] });
      call.end();
    });
    expectStatus({ status: duplexStatus }, Status.UNIMPLEMENTED, 'FullDuplexCall');
    await expectServerAlive(client, 'refused streaming calls');
  },

  async timeout_on_sleeping_server(client) {
    const deadlineMs = 300;
    const started = process.hrtime.bigint();
    const outcome = await unary(client, 'UnaryCall', { sleepMs: 10_000, responseSize: 1 }, { deadlineMs });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expectStatus(outcome, Status.DEADLINE_EXCEEDED, 'UnaryCall sleeping past its deadline');
    // Ending long before the deadline would mean the server misread grpc-timeout.
    assert.ok(elapsedMs >= deadlineMs * 0.8, `the call ended after ${elapsedMs} ms, before its ${deadlineMs} ms deadline`);

    const streamOutcome = await serverStream(client, 'StreamingOutputCall',
      { responseSizes: [1, 1, 1], intervalMs: 10_000 }, { deadlineMs: 3_000 });
    expectStatus(streamOutcome, Status.DEADLINE_EXCEEDED, 'StreamingOutputCall pausing past its deadline');
    assert.equal(streamOutcome.messages.length, 1, 'StreamingOutputCall: the first response did not arrive before the deadline');
    await expectServerAlive(client, 'deadlines');
  },

  async cancel_after_first_response(client) {
    // The stream would last 38 s; the first response must come at once (flushed, not held
    // back until the end), so the cancel lands mid-stream, well before the 15 s deadline.
    const sizes = Array.from({ length: 20 }, (_, i) => 1000 + i);
    const outcome = await serverStream(client, 'StreamingOutputCall',
      { responseSizes: sizes, intervalMs: 2000 },
      { deadlineMs: 15_000, onMessage: (message, call) => call.cancel() });
    expectStatus(outcome, Status.CANCELLED, 'StreamingOutputCall cancelled after its first response');
    assert.equal(outcome.messages.length, 1, `expected 1 response before the cancel, got ${outcome.messages.length}`);
    await expectServerAlive(client, 'a cancelled stream');
  },

  async oversized_request(client) {
    const outcome = await unary(client, 'UnaryCall', { payload: { body: pattern(4 * MiB + 1024) } });
    expectStatus(outcome, Status.RESOURCE_EXHAUSTED, 'UnaryCall with a request over 4 MiB');
    await expectServerAlive(client, 'an oversized request');
  },

  async gzip_request(client, address) {
    const gzipClient = new InteropTest(address, grpc.credentials.createInsecure(), {
      'grpc.default_compression_algorithm': grpc.compressionAlgorithms.gzip,
    });
    try {
      // Twice: the first call is sent before the server named its encodings, the second after.
      for (const attempt of [1, 2]) {
        const outcome = await unary(gzipClient, 'UnaryCall',
          { responseSize: 1024, payload: { body: pattern(256 * 1024) }, text: `gzip ${attempt}` });
        expectOk(outcome, `gzip-compressed UnaryCall ${attempt}`);
        expectZeros(outcome.response.payload.body, 1024, `gzip-compressed UnaryCall ${attempt} response`);
        assert.equal(outcome.response.text, `gzip ${attempt}`, 'the server must echo text of a compressed request');
      }
    } finally {
      gzipClient.close();
    }
  },

  async health_check(client, address) {
    const health = new Health(address, grpc.credentials.createInsecure());
    try {
      const whole = await unary(health, 'Check', { service: '' });
      expectOk(whole, 'Health.Check("")');
      assert.equal(whole.response.status, 'SERVING', `Health.Check("") answered ${whole.response.status}`);
      const unknown = await unary(health, 'Check', { service: 'no.such.Service' });
      expectStatus(unknown, Status.NOT_FOUND, 'Health.Check of an unknown service');
    } finally {
      health.close();
    }
  },

  async health_watch(client, address) {
    const health = new Health(address, grpc.credentials.createInsecure());
    try {
      // A watch never ends by itself: the deadline only bounds a server that sends nothing.
      const outcome = await serverStream(health, 'Watch', { service: '' },
        { deadlineMs: 10_000, onMessage: (message, call) => call.cancel() });
      assert.ok(outcome.messages.length >= 1, `Health.Watch("") ended with ${Status[outcome.status.code]} before any status`);
      assert.equal(outcome.messages[0].status, 'SERVING', `Health.Watch("") sent ${outcome.messages[0].status} first`);
      expectStatus(outcome, Status.CANCELLED, 'Health.Watch cancelled by the client');
    } finally {
      health.close();
    }
  },
};

async function main() {
  const [address, name] = process.argv.slice(2);
  if (!address || !cases[name]) {
    console.error(`usage: node grpcjs-client.js <host:port> <case>\ncases: ${Object.keys(cases).join(' ')}`);
    return 1;
  }
  const client = new InteropTest(address, grpc.credentials.createInsecure());
  let timer;
  const watchdog = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`case did not finish within ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
  });
  try {
    await Promise.race([cases[name](client, address), watchdog]);
    console.log(`PASS ${name}`);
    return 0;
  } catch (error) {
    console.log(`FAIL ${name}: ${error.message}`);
    if (!(error instanceof assert.AssertionError)) console.error(error.stack);
    return 1;
  } finally {
    clearTimeout(timer);
    client.close();
  }
}

main().then((code) => process.exit(code));
