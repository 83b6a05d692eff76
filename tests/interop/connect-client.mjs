// The Connect protocol cases, run by @connectrpc/connect-node against a server of
// exchange.interop.v1.InteropTest; with the protocol grpc-web, the same cases over connect-node's
// gRPC-Web transport (binary messages: the *_json cases are Connect's only).
//
//   node connect-client.mjs <baseUrl> <httpVersion 1.1|2> <case> [connect|grpc-web]
//
// With httpVersion 2 and an http:// base URL, connect-node speaks HTTP/2 with prior knowledge (h2c).
// Prints "PASS <case>" and exits 0, or prints why the case failed and exits 1.

import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { create, createFileRegistry } from "@bufbuild/protobuf";
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, createClient, decodeBinaryHeader, encodeBinaryHeader } from "@connectrpc/connect";
import { createConnectTransport, createGrpcWebTransport } from "@connectrpc/connect-node";

const CASE_TIMEOUT_MS = 45_000;
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * connect-node needs @bufbuild/protobuf descriptors. Rather than generating code, parse
 * interop.proto with protobufjs and describe each of its packages as a proto3 file. Only what the
 * interop proto uses is supported (messages, scalar, message and enum fields, enums, services).
 * An extra service, NoSuchService, exists only on the client: the server does not serve it.
 */
function loadRegistry(protoFile) {
  const root = new protobuf.Root().loadSync(protoFile, { keepCase: true });
  root.resolveAll();
  const typeName = (resolved) => resolved.fullName; // ".package.Name", as protoc writes it
  // protoc's JSON name: underscores dropped, the letter after each one upper-cased.
  const jsonName = (name) => name.replace(/_+([a-z0-9]?)/g, (_, c) => c.toUpperCase());

  const describeField = (field) => {
    if (field.map) throw new Error(`map field ${field.fullName} is not supported`);
    if (field.partOf) throw new Error(`oneof field ${field.fullName} is not supported`);
    const proto = {
      name: field.name,
      jsonName: jsonName(field.name),
      number: field.id,
      label: field.repeated ? FieldDescriptorProto_Label.REPEATED : FieldDescriptorProto_Label.OPTIONAL,
    };
    if (field.resolvedType instanceof protobuf.Type) {
      proto.type = FieldDescriptorProto_Type.MESSAGE;
      proto.typeName = typeName(field.resolvedType);
    } else if (field.resolvedType instanceof protobuf.Enum) {
      proto.type = FieldDescriptorProto_Type.ENUM;
      proto.typeName = typeName(field.resolvedType);
    } else {
      proto.type = FieldDescriptorProto_Type[field.type.toUpperCase()];
      if (proto.type === undefined) throw new Error(`field type ${field.type} of ${field.fullName} is not supported`);
    }
    return proto;
  };
  const describeEnum = (e) => ({
    name: e.name,
    value: Object.entries(e.values).map(([name, number]) => ({ name, number })),
  });
  const describeMessage = (type) => ({
    name: type.name,
    field: type.fieldsArray.map(describeField),
    nestedType: type.nestedArray.filter((n) => n instanceof protobuf.Type).map(describeMessage),
    enumType: type.nestedArray.filter((n) => n instanceof protobuf.Enum).map(describeEnum),
  });
  const describeService = (service) => ({
    name: service.name,
    method: service.methodsArray.map((m) => ({
      name: m.name,
      inputType: typeName(m.resolvedRequestType),
      outputType: typeName(m.resolvedResponseType),
      clientStreaming: Boolean(m.requestStream),
      serverStreaming: Boolean(m.responseStream),
    })),
  });

  const files = [];
  const visit = (ns) => {
    const nested = ns.nestedArray;
    const messages = nested.filter((n) => n instanceof protobuf.Type);
    const enums = nested.filter((n) => n instanceof protobuf.Enum);
    const services = nested.filter((n) => n instanceof protobuf.Service);
    if (messages.length + enums.length + services.length > 0) {
      const pkg = ns.fullName.slice(1);
      const serviceProtos = services.map(describeService);
      const interop = serviceProtos.find((s) => s.name === "InteropTest");
      if (interop) serviceProtos.push({ name: "NoSuchService", method: interop.method.filter((m) => m.name === "EmptyCall") });
      files.push({
        name: `${pkg.replaceAll(".", "/")}/interop.proto`,
        package: pkg,
        syntax: "proto3",
        messageType: messages.map(describeMessage),
        enumType: enums.map(describeEnum),
        service: serviceProtos,
      });
    }
    for (const n of nested) if (n instanceof protobuf.Namespace && !(n instanceof protobuf.Type) && !(n instanceof protobuf.Service)) visit(n);
  };
  visit(root);
  return createFileRegistry(create(FileDescriptorSetSchema, { file: files }));
}

const registry = loadRegistry(path.join(here, "interop.proto"));
const InteropTest = registry.getService("exchange.interop.v1.InteropTest");
const NoSuchService = registry.getService("exchange.interop.v1.NoSuchService");

function pattern(size) {
  const body = new Uint8Array(size);
  for (let i = 0; i < size; i++) body[i] = i % 251;
  return body;
}

function expectZeros(body, size, what) {
  assert.ok(body instanceof Uint8Array, `${what}: payload body is not bytes`);
  assert.equal(body.length, size, `${what}: payload has ${body.length} bytes, expected ${size}`);
  assert.ok(body.every((b) => b === 0), `${what}: payload bytes are not all zero`);
}

/** Runs `call` and returns the ConnectError it must fail with. */
async function expectError(call, code, what) {
  try {
    await call();
  } catch (error) {
    const connectError = ConnectError.from(error);
    assert.equal(connectError.code, code,
      `${what}: expected ${Code[code]}, got ${Code[connectError.code]} "${connectError.rawMessage}"`);
    return connectError;
  }
  assert.fail(`${what}: expected ${Code[code]}, but the call succeeded`);
}

async function collect(stream) {
  const messages = [];
  for await (const message of stream) messages.push(message);
  return messages;
}

async function unary({ client }, format) {
  const request = { responseSize: 2000, payload: { body: pattern(70_000) }, text: `こんにちは ü ${format}` };
  const response = await client.unaryCall(request);
  expectZeros(response.payload?.body, 2000, `UnaryCall (${format})`);
  assert.equal(response.text, request.text, `UnaryCall (${format}) must echo text`);
  const empty = await client.emptyCall({});
  assert.ok(empty, `EmptyCall (${format}) answered nothing`);
}

async function error({ client }, format) {
  const message = "見つかりません: ü 100% \"quoted\"";
  const failure = await expectError(
    () => client.unaryCall({ responseStatus: { code: Code.NotFound, message } }),
    Code.NotFound, `UnaryCall asking for NOT_FOUND (${format})`);
  assert.equal(failure.rawMessage, message, `error message differs (${format})`);
}

async function serverStreaming({ client }, format) {
  const sizes = [31415, 9, 0, 2653];
  const messages = await collect(client.streamingOutputCall({ responseSizes: sizes }));
  assert.equal(messages.length, sizes.length, `expected ${sizes.length} responses, got ${messages.length} (${format})`);
  messages.forEach((m, i) => {
    assert.equal(m.index, i, `response ${i} carries index ${m.index}: out of order (${format})`);
    expectZeros(m.payload?.body ?? new Uint8Array(0), sizes[i], `response ${i} (${format})`);
  });

  // An error after a message travels in the end-of-stream message.
  const message = "規則 ü: 100%";
  const received = [];
  const failure = await expectError(async () => {
    for await (const m of client.streamingOutputCall({ responseSizes: [7], responseStatus: { code: Code.FailedPrecondition, message } })) {
      received.push(m);
    }
  }, Code.FailedPrecondition, `StreamingOutputCall asking for FAILED_PRECONDITION (${format})`);
  assert.equal(received.length, 1, `the response before the error was lost (${format})`);
  assert.equal(failure.rawMessage, message, `stream error message differs (${format})`);
}

const cases = {
  unary_json: (ctx) => unary(ctx, "json"),
  unary_binary: (ctx) => unary(ctx, "binary"),
  error_json: (ctx) => error(ctx, "json"),
  error_binary: (ctx) => error(ctx, "binary"),
  server_streaming_json: (ctx) => serverStreaming(ctx, "json"),
  server_streaming_binary: (ctx) => serverStreaming(ctx, "binary"),

  async metadata({ client }) {
    const initialBin = new Uint8Array([0x0a, 0x0b, 0x0a, 0x0b, 0x0a]);
    const trailerBin = new Uint8Array([0xab, 0xab, 0xab]);
    const headers = {
      "x-echo-initial": "test_initial_metadata_value",
      "x-echo-initial-bin": encodeBinaryHeader(initialBin),
      "x-echo-trailer-text": "test_trailing_metadata_value",
      "x-echo-trailer-bin": encodeBinaryHeader(trailerBin),
    };
    const check = (seen, what) => {
      assert.ok(seen.headers, `${what}: no response headers`);
      assert.ok(seen.trailers, `${what}: no response trailers`);
      assert.equal(seen.headers.get("x-echo-initial"), "test_initial_metadata_value", `${what}: text header not echoed`);
      const bin = seen.headers.get("x-echo-initial-bin");
      assert.ok(bin, `${what}: -bin header not echoed`);
      assert.deepEqual(decodeBinaryHeader(bin), initialBin, `${what}: -bin header bytes differ`);
      assert.equal(seen.headers.get("x-echo-trailer-text"), null, `${what}: a trailer echo came back as a header`);
      assert.equal(seen.trailers.get("x-echo-trailer-text"), "test_trailing_metadata_value", `${what}: text trailer not echoed`);
      const trailer = seen.trailers.get("x-echo-trailer-bin");
      assert.ok(trailer, `${what}: -bin trailer not echoed`);
      assert.deepEqual(decodeBinaryHeader(trailer), trailerBin, `${what}: -bin trailer bytes differ`);
    };
    const observe = (seen) => ({
      headers,
      onHeader: (h) => { seen.headers = h; },
      onTrailer: (t) => { seen.trailers = t; },
    });

    const unarySeen = {};
    await client.unaryCall({ responseSize: 10 }, observe(unarySeen));
    check(unarySeen, "UnaryCall");

    const streamSeen = {};
    await collect(client.streamingOutputCall({ responseSizes: [1, 2] }, observe(streamSeen)));
    check(streamSeen, "StreamingOutputCall");
  },

  async unimplemented({ client, transport }) {
    await expectError(() => client.unimplementedCall({}), Code.Unimplemented, "UnimplementedCall");
    await expectError(() => createClient(NoSuchService, transport).emptyCall({}), Code.Unimplemented,
      "a call to a service the server does not have");
  },

  async timeout({ client }) {
    const timeoutMs = 300;
    const started = process.hrtime.bigint();
    await expectError(() => client.unaryCall({ sleepMs: 10_000, responseSize: 1 }, { timeoutMs }),
      Code.DeadlineExceeded, "UnaryCall sleeping past its timeout");
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    // Ending long before the timeout would mean the server misread connect-timeout-ms.
    assert.ok(elapsedMs >= timeoutMs * 0.8, `the call ended after ${elapsedMs} ms, before its ${timeoutMs} ms timeout`);
    await client.emptyCall({});
  },
};

async function main() {
  const [baseUrl, httpVersion, name, protocol = "connect"] = process.argv.slice(2);
  const grpcWeb = protocol === "grpc-web";
  if (!baseUrl || !["1.1", "2"].includes(httpVersion) || !cases[name] || !["connect", "grpc-web"].includes(protocol)
      || (grpcWeb && name.endsWith("_json"))) {
    console.error(`usage: node connect-client.mjs <baseUrl> <1.1|2> <case> [connect|grpc-web]\ncases: ${Object.keys(cases).join(" ")}`);
    return 1;
  }
  const transport = grpcWeb
    ? createGrpcWebTransport({ baseUrl, httpVersion, useBinaryFormat: true })
    : createConnectTransport({ baseUrl, httpVersion, useBinaryFormat: name.endsWith("_binary") });
  const client = createClient(InteropTest, transport);
  let timer;
  const watchdog = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`case did not finish within ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
  });
  try {
    await Promise.race([cases[name]({ client, transport }), watchdog]);
    console.log(`PASS ${name} (${protocol}, HTTP/${httpVersion})`);
    return 0;
  } catch (error) {
    console.log(`FAIL ${name} (${protocol}, HTTP/${httpVersion}): ${error.message}`);
    if (!(error instanceof assert.AssertionError)) console.error(error.stack);
    return 1;
  } finally {
    clearTimeout(timer);
  }
}

process.exit(await main());
