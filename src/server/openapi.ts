// The OpenAPI 3.1 document of the service, served at GET /openapi.json (the tests validate it).
import { CSV_COLUMNS } from '../reports/csv.js';
import { FILE_FORMATS } from './jobs.js';

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown): unknown => ({ 'application/json': { schema } });
const error = (description: string): unknown => ({ description, content: json(ref('Error')) });

const specParams = [
  { name: 'feedType', in: 'query', required: false, schema: { type: 'string' }, example: 'MP_ITEM', description: 'Feed type; may be left out where a feed header or the sheet\'s product types settle it.' },
  { name: 'specVersion', in: 'query', required: false, schema: { type: 'string' }, example: '4.3', description: 'Spec version as Walmart names it.' },
  { name: 'productType', in: 'query', required: false, schema: { type: 'string' }, description: 'Product type for items or rows that do not name one.' },
];

const failures = {
  '400': error('Bad query, bad JSON, a spec that is not cached, or a multipart body without a `file` field.'),
  '401': error('A token is configured and the request has no valid `Authorization: Bearer` header.'),
  '408': error('The request body did not arrive within the time limit.'),
  '413': error('The body, the file, the records or the rows are over the server\'s limits.'),
  '415': error('Wrong Content-Type, or a file that is not .xlsx/.csv.'),
  '422': error('The input cannot be read: a damaged, hostile or empty spreadsheet, or JSON that is not a feed.'),
  '503': error('The server is busy, or validation took longer than the time limit.'),
};

export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'catalog-gate validation service',
      version,
      description: 'Validates Walmart item feeds and spreadsheets against the item specs cached on this server. Started with `catalog-gate serve`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }, {}],
    paths: {
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness and the worker pool\'s state',
          security: [],
          responses: { '200': { description: 'The server is up.', content: json(ref('Health')) } },
        },
      },
      '/openapi.json': {
        get: { operationId: 'openapi', summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1 document.', content: json({ type: 'object' }) } } },
      },
      '/v1/specs': {
        get: {
          operationId: 'listSpecs',
          summary: 'The specs cached on this server, with their product types',
          responses: { '200': { description: 'Cached specs.', content: json(ref('SpecList')) }, '401': failures['401'] },
        },
      },
      '/v1/product-types': {
        get: {
          operationId: 'searchProductTypes',
          summary: 'Product types of the cached specs, optionally filtered by a search word (name or category)',
          parameters: [specParams[0], specParams[1], { name: 'search', in: 'query', required: false, schema: { type: 'string' }, example: 'shirt' }],
          responses: {
            '200': { description: 'Matching product types; `suggestions` holds near names when nothing matches.', content: json(ref('ProductTypes')) },
            '400': failures['400'],
            '401': failures['401'],
            '404': error('No spec is cached for the feed type or version asked.'),
          },
        },
      },
      '/v1/validate': {
        post: {
          operationId: 'validateFeed',
          summary: 'Validate a JSON feed (header + MPItem[]), {"records": [...]}, or an array of items',
          parameters: specParams,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { type: 'object', description: 'A feed: MPItemFeedHeader + MPItem[] (or SupplierItemFeedHeader + SupplierItem[]).', additionalProperties: true },
                    { type: 'object', required: ['records'], properties: { records: { type: 'array', items: { type: 'object' } } } },
                    { type: 'array', items: { type: 'object' } },
                  ],
                },
              },
            },
          },
          responses: { '200': { description: 'The JSON report (same as `catalog-gate validate --format json`).', content: json(ref('Report')) }, ...failures },
        },
      },
      '/v1/validate/file': {
        post: {
          operationId: 'validateFile',
          summary: 'Validate an uploaded spreadsheet (.xlsx or .csv)',
          parameters: [
            ...specParams,
            { name: 'sheet', in: 'query', required: false, schema: { type: 'string' }, description: 'Workbook sheet to read (default: the first visible one).' },
            { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: [...FILE_FORMATS], default: 'json' }, description: 'json: the report; xlsx: the annotated workbook; csv: one row per issue; sarif; junit.' },
            { name: 'grid', in: 'query', required: false, schema: { type: 'string', enum: ['0', '1'] }, description: 'With format=json: add the sheet\'s first rows as text (`sheet`).' },
          ],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'An .xlsx or .csv file; its extension tells which.' } } },
                encoding: { file: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/csv, application/octet-stream' } },
              },
            },
          },
          responses: {
            '200': {
              description: 'The report in the format asked for; xlsx and csv come as attachments.',
              content: {
                'application/json': { schema: ref('FileReport') },
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
                'text/csv': { schema: { type: 'string' }, example: `${CSV_COLUMNS.join(',')}\n` },
                'application/sarif+json': { schema: { type: 'object' } },
                'application/xml': { schema: { type: 'string' } },
              },
            },
            ...failures,
          },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'Needed for /v1/* when the server was started with a token (--token or CATALOG_GATE_TOKEN).' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', example: 'BAD_QUERY' }, message: { type: 'string' } } } },
        },
        Health: {
          type: 'object',
          required: ['status'],
          properties: {
            status: { const: 'ok' },
            version: { type: 'string' },
            workers: { type: 'object', properties: { size: { type: 'integer' }, busy: { type: 'integer' }, queued: { type: 'integer' }, started: { type: 'integer' }, abandoned: { type: 'integer' } } },
            uptimeSeconds: { type: 'number' },
          },
        },
        SpecList: {
          type: 'object',
          required: ['specs'],
          properties: {
            specs: {
              type: 'array',
              items: {
                type: 'object',
                required: ['feedType', 'specVersion', 'synthetic', 'productTypes'],
                properties: { feedType: { type: 'string' }, specVersion: { type: 'string' }, synthetic: { type: 'boolean' }, productTypes: { type: 'array', items: { type: 'string' } } },
              },
            },
          },
        },
        ProductTypes: {
          type: 'object',
          required: ['productTypes', 'suggestions'],
          properties: { productTypes: { type: 'array', items: { type: 'string' } }, suggestions: { type: 'array', items: { type: 'string' } } },
        },
        Issue: {
          type: 'object',
          required: ['code', 'severity', 'record', 'path', 'message'],
          properties: {
            code: { type: 'string', example: 'schema.enum' },
            severity: { type: 'string', enum: ['error', 'warning', 'info'] },
            record: { type: 'integer', description: '1-based position of the item; 0 for the input as a whole.' },
            row: { type: 'integer' },
            column: { type: 'string' },
            cell: { type: 'string' },
            sheet: { type: 'string' },
            sku: { type: 'string' },
            path: { type: 'string' },
            field: { type: 'string' },
            message: { type: 'string' },
            hint: { type: 'string' },
            rule: { type: 'string' },
            productType: { type: 'string' },
          },
        },
        Report: {
          type: 'object',
          required: ['summary', 'issues', 'spec'],
          properties: {
            summary: {
              type: 'object',
              required: ['records', 'valid', 'invalid', 'errors', 'warnings', 'infos'],
              properties: Object.fromEntries(['records', 'valid', 'invalid', 'errors', 'warnings', 'infos'].map((k) => [k, { type: 'integer' }])),
            },
            issues: { type: 'array', items: ref('Issue') },
            spec: { type: 'object', required: ['feedType', 'specVersion'], properties: { feedType: { type: 'string' }, specVersion: { type: 'string' } } },
          },
        },
        FileReport: {
          allOf: [
            ref('Report'),
            {
              type: 'object',
              properties: {
                sheet: {
                  type: 'object',
                  description: 'With grid=1: the header and rows as displayed text; rows[i] is spreadsheet row firstRow + i.',
                  required: ['name', 'columns', 'rows', 'firstRow', 'truncated'],
                  properties: {
                    name: { type: 'string' },
                    columns: { type: 'array', items: { type: 'string' } },
                    rows: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
                    firstRow: { type: 'integer' },
                    truncated: { type: 'boolean' },
                  },
                },
              },
            },
          ],
        },
      },
    },
  };
}
