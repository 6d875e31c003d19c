import { z } from 'zod';
import { type TokenOperation, tokenOperations } from './token-surface.ts';

type JsonSchema = Record<string, unknown>;

/** zod's own JSON Schema (draft 2020-12, which OpenAPI 3.1 uses as is), without `$schema`. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    // Nothing on the token surface should be unrepresentable; if something is, it is
    // documented as "any value" rather than failing the whole document.
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** A GET operation's query parameters: one per property of its (flat) input object. */
export function queryParameters(input: z.ZodType | undefined): JsonSchema[] {
  if (!input) return [];
  const schema = jsonSchemaOf(input, 'input');
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: {
          type: 'string',
          description: 'tRPC error code, e.g. BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND.',
        },
        message: { type: 'string' },
        appCode: { type: ['string', 'null'], description: 'AEGIRA error code, when known.' },
        reason: { type: ['string', 'null'] },
        fieldErrors: {
          type: ['object', 'null'],
          additionalProperties: { type: 'array', items: { type: 'string' } },
          description: 'Messages per input field (dotted path) when the input was refused.',
        },
        requestId: { type: 'string' },
      },
    },
  },
};

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'The input was refused (see fieldErrors); nothing changed.',
  '401': 'No token, or the token is invalid, expired or revoked.',
  '403': 'The token (its scope or its admin) may not do this.',
  '404': 'No such record in this company.',
  '409': 'The change conflicts with the current state; nothing changed.',
  '413': 'The request body is too large.',
  '422': 'The request is understood but not possible in the current state; nothing changed.',
  '429': 'Too many requests.',
  '500': 'Unexpected failure; the message carries only a request id.',
};

function operationObject(operation: TokenOperation): JsonSchema {
  const [tag = 'api'] = operation.procedure.split('.');
  const errors = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, description]) => [
      status,
      {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
  const success = {
    description: 'The procedure’s answer.',
    content: {
      'application/json': {
        schema: operation.output ? jsonSchemaOf(operation.output, 'output') : {},
      },
    },
  };
  const base = {
    operationId: operation.procedure,
    tags: [tag],
    summary: `${operation.type === 'query' ? 'Query' : 'Mutation'} ${operation.procedure}`,
    responses: { '200': success, ...errors },
  };
  if (operation.method === 'get') {
    return { ...base, parameters: queryParameters(operation.input) };
  }
  return {
    ...base,
    parameters: [IDEMPOTENCY_KEY_PARAMETER],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: operation.input
            ? jsonSchemaOf(operation.input, 'input')
            : { type: 'object', additionalProperties: false },
        },
      },
    },
  };
}

/** Every mutation may be retried safely under one key (docs/decisions/035-versions-and-idempotency.md). */
const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A key of your choosing (1–255 visible ASCII characters; a UUID is a good one). A retry with the same key and body within 24 hours returns the first answer and changes nothing; the same key with another body is refused with 422.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

let cached: JsonSchema | undefined;

/** OpenAPI 3.1 for the API-token surface, built from the procedures' own zod schemas. */
export function openApiDocument(): JsonSchema {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'AEGIRA API (API tokens)',
      version: '1.0.0',
      description:
        'The procedures an API token may call, as plain HTTP. Queries are GET with query parameters; mutations are POST with a JSON body. Send `Authorization: Bearer <token>` (an admin issues tokens in the admin area). The same procedures are available over tRPC at /trpc for the TypeScript SDK.',
    },
    servers: [{ url: '/' }],
    security: [{ apiToken: [] }],
    components: {
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', bearerFormat: 'aegira_<id>_<secret>' },
      },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths: Object.fromEntries(
      tokenOperations().map((operation) => [
        operation.path,
        { [operation.method]: operationObject(operation) },
      ]),
    ),
  };
  return cached;
}
