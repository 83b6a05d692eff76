'use strict';
// exchange.interop.v1.InteropTest served by @grpc/grpc-js, with the semantics of the C# service
// (InteropTestService.cs): our client is proved against it, and the benchmark compares with it.
//
//   node grpcjs-server.js <port>      (0 picks a free port)
//
// Listens on 127.0.0.1 without TLS, prints "ready <port>" once bound, stops on SIGTERM/SIGINT.
// StreamingInputCall, FullDuplexCall and UnimplementedCall are left to grpc-js, which answers
// UNIMPLEMENTED. The unary path stays lean (no per-call logging or allocation beyond the reply).

const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const ECHO_PREFIX = 'x-echo-';
const ECHO_TRAILER_PREFIX = 'x-echo-trailer-';

const definition = protoLoader.loadSync('interop.proto', {
  includeDirs: [__dirname],
  longs: String,
  enums: String,
  defaults: true,
});
const { InteropTest } = grpc.loadPackageDefinition(definition).exchange.interop.v1;

// Replies are all-zero bytes of the requested size; they are never mutated, so one buffer per
// size is shared by every call (bounded, in case a caller asks for many sizes).
const zeroBodies = new Map();
function zeros(size) {
  let body = zeroBodies.get(size);
  if (body === undefined) {
    body = Buffer.alloc(size);
    if (zeroBodies.size < 64) zeroBodies.set(size, body);
  }
  return body;
}

/**
 * Request metadata under x-echo-trailer-* goes back as trailers, other x-echo-* as headers.
 * Returns null when there is nothing to echo, so that the common call allocates nothing.
 */
function echoOf(requestMetadata) {
  let headers = null;
  let trailers = null;
  const entries = requestMetadata.toJSON();
  for (const key in entries) {
    if (!key.startsWith(ECHO_PREFIX)) continue;
    const isTrailer = key.startsWith(ECHO_TRAILER_PREFIX);
    const target = isTrailer ? (trailers ??= new grpc.Metadata()) : (headers ??= new grpc.Metadata());
    for (const value of entries[key]) target.add(key, value);
  }
  return headers === null && trailers === null ? null : { headers, trailers };
}

function statusError(status, trailers) {
  return { code: status.code, details: status.message, metadata: trailers ?? new grpc.Metadata() };
}

/** Waits `ms`, or less when the call is cancelled or its deadline passes; resolves false then. */
function sleep(call, ms) {
  return new Promise((resolve) => {
    if (call.cancelled) { resolve(false); return; }
    const onCancelled = () => { clearTimeout(timer); resolve(false); };
    const timer = setTimeout(() => { call.removeListener('cancelled', onCancelled); resolve(true); }, ms);
    call.once('cancelled', onCancelled);
  });
}

const service = {
  EmptyCall(call, callback) {
    const echo = echoOf(call.metadata);
    if (echo?.headers) call.sendMetadata(echo.headers);
    callback(null, {}, echo?.trailers ?? undefined);
  },

  UnaryCall(call, callback) {
    const request = call.request;
    const echo = echoOf(call.metadata);
    if (echo?.headers) call.sendMetadata(echo.headers);
    const reply = () => {
      const status = request.responseStatus;
      if (status && status.code !== 0) {
        callback(statusError(status, echo?.trailers));
        return;
      }
      callback(null, { payload: { body: zeros(request.responseSize) }, text: request.text }, echo?.trailers ?? undefined);
    };
    if (request.sleepMs > 0) {
      sleep(call, request.sleepMs).then((slept) => { if (slept) reply(); });
    } else {
      reply();
    }
  },

  async StreamingOutputCall(call) {
    const request = call.request;
    const echo = echoOf(call.metadata);
    if (echo?.headers) call.sendMetadata(echo.headers);
    const sizes = request.responseSizes;
    for (let i = 0; i < sizes.length; i++) {
      if (i > 0 && request.intervalMs > 0 && !(await sleep(call, request.intervalMs))) return;
      if (call.cancelled) return;
      call.write({ index: i, payload: { body: zeros(sizes[i]) } });
    }
    const status = request.responseStatus;
    if (status && status.code !== 0) {
      call.emit('error', statusError(status, echo?.trailers));
      return;
    }
    call.end(echo?.trailers ?? undefined);
  },
};

function main() {
  const port = Number.parseInt(process.argv[2] ?? '0', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('usage: node grpcjs-server.js <port>');
    process.exit(2);
  }
  const server = new grpc.Server();
  server.addService(InteropTest.service, service);
  server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, boundPort) => {
    if (error) {
      console.error(`cannot listen on 127.0.0.1:${port}: ${error.message}`);
      process.exit(1);
    }
    console.log(`ready ${boundPort}`);
  });
  const stop = () => {
    server.forceShutdown();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
