import { LOCALES } from "@/lib/i18n/config";
import {
  ALL_CATEGORIES,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  KINDS,
  MAX_URLS,
} from "@/lib/reports/categories";
import { PLATFORMS } from "@/lib/text/canonical-url";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/** OpenAPI 3.1 description of the public API, built from the same constants as the schema. */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Iblagh API",
    version: "1.0.0",
    description:
      "Report rumours and violent online content, and track a report by its receipt. Error messages are localised by Accept-Language (ar, fr, en).",
    license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/reports": {
      post: {
        operationId: "createReport",
        summary: "Submit a report",
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            description:
              "1–128 characters. The same key with the same body returns the first receipt; with another body, 409.",
            schema: { type: "string", minLength: 1, maxLength: 128 },
          },
          { name: "Accept-Language", in: "header", required: false, schema: { type: "string" } },
        ],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/ReportInput" } } },
        },
        responses: {
          "201": {
            description: "Accepted. The receipt is shown only in this response.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Receipt" } } },
          },
          "400": error("validation_failed, invalid_json or invalid_idempotency_key"),
          "409": error("idempotency_conflict"),
          "413": error("payload_too_large (over 64 KiB)"),
          "415": error("unsupported_media_type"),
          "429": {
            ...error("rate_limited"),
            headers: { "Retry-After": { schema: { type: "integer" } } },
          },
          "503": error("service_unavailable"),
        },
      },
    },
    "/api/v1/reports/track": {
      post: {
        operationId: "trackReport",
        summary: "Public status of a report, by its receipt",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["receipt"],
                properties: { receipt: { type: "string", examples: ["7KQM-3XPA-9DTR-W2HB"] } },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "Found",
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/TrackedReport" } },
            },
          },
          "400": error("validation_failed or invalid_json"),
          "404": error("not_found: unknown or malformed receipt, answered alike"),
          "429": error("rate_limited"),
          "503": error("service_unavailable"),
        },
      },
    },
    "/api/v1/statements": {
      get: {
        operationId: "listStatements",
        summary: "Published statements, newest first (withdrawn ones included, marked)",
        parameters: [
          {
            name: "locale",
            in: "query",
            schema: { type: "string", enum: LOCALES },
            description: "Language of title and summary; Arabic where a translation is missing.",
          },
          {
            name: "type",
            in: "query",
            schema: { type: "string", enum: ["denial", "truth", "communique"] },
          },
          { name: "year", in: "query", schema: { type: "integer" } },
          { name: "platform", in: "query", schema: { type: "string", enum: PLATFORMS } },
          {
            name: "q",
            in: "query",
            schema: { type: "string" },
            description: "Search, whatever the Arabic diacritics or the Latin accents.",
          },
          { name: "cursor", in: "query", schema: { type: "string" } },
        ],
        responses: {
          "200": {
            description: "A page",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    items: { type: "array", items: { $ref: "#/components/schemas/StatementItem" } },
                    nextCursor: { type: ["string", "null"] },
                  },
                },
              },
            },
          },
        },
      },
    },
    "/api/v1/statements/{slug}": {
      get: {
        operationId: "getStatement",
        summary:
          "One public statement with every language, its history and where the claim appeared",
        parameters: [
          {
            name: "slug",
            in: "path",
            required: true,
            schema: { type: "string", examples: ["2025-12"] },
          },
        ],
        responses: { "200": { description: "The statement" }, "404": error("not_found") },
      },
    },
    "/api/v1/stats": {
      get: {
        operationId: "getStats",
        summary:
          "Yearly figures: statements published, debunk count and its change, violent contents detected, referrals, reports, cases",
        parameters: [
          { name: "from", in: "query", schema: { type: "integer", minimum: 2000 } },
          { name: "to", in: "query", schema: { type: "integer", maximum: 2100 } },
        ],
        responses: {
          "200": {
            description: "One entry per year",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    years: { type: "array", items: { $ref: "#/components/schemas/YearFigures" } },
                  },
                },
              },
            },
          },
          "400": error("validation_failed"),
        },
      },
    },
    "/api/v1/stats.csv": {
      get: {
        operationId: "getStatsCsv",
        summary: "The same figures as CSV, one row a year",
        parameters: [
          { name: "from", in: "query", schema: { type: "integer" } },
          { name: "to", in: "query", schema: { type: "integer" } },
        ],
        responses: {
          "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } },
          "400": error("validation_failed"),
        },
      },
    },
    "/api/health": {
      get: {
        operationId: "health",
        summary: "Liveness and database reachability",
        responses: {
          "200": {
            description: "Up",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { status: { const: "ok" }, db: { const: "ok" } },
                },
              },
            },
          },
          "503": { description: "The database is unreachable" },
        },
      },
    },
  },
  components: {
    schemas: {
      ReportInput: {
        type: "object",
        required: ["kind", "category", "description", "declaration"],
        properties: {
          kind: { type: "string", enum: KINDS },
          category: {
            type: "string",
            enum: ALL_CATEGORIES,
            description: "Must belong to the kind.",
          },
          urls: {
            type: "array",
            maxItems: MAX_URLS,
            items: { type: "string", format: "uri", pattern: "^https?://" },
            description: "Required (at least one) for violent_content.",
          },
          platform: {
            type: "string",
            enum: PLATFORMS,
            description: "Detected from the first link; required when there is no link.",
          },
          description: { type: "string", minLength: DESCRIPTION_MIN, maxLength: DESCRIPTION_MAX },
          seenAt: {
            type: "string",
            description: "Date (YYYY-MM-DD) or date-time; not in the future.",
          },
          contact: {
            type: "object",
            properties: { email: { type: "string", format: "email" }, phone: { type: "string" } },
          },
          locale: { type: "string", enum: LOCALES },
          declaration: { const: true },
        },
      },
      Receipt: {
        type: "object",
        required: ["receipt", "status", "submittedAt"],
        properties: {
          receipt: {
            type: "string",
            pattern: "^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$",
          },
          status: { const: "received" },
          submittedAt: { type: "string", format: "date-time" },
        },
      },
      YearFigures: {
        type: "object",
        properties: {
          year: { type: "integer" },
          statements: {
            type: "object",
            properties: {
              denial: { type: ["integer", "null"] },
              truth: { type: ["integer", "null"] },
              total: { type: ["integer", "null"] },
              communique: { type: ["integer", "null"] },
            },
          },
          debunkChange: {
            type: ["object", "null"],
            properties: { absolute: { type: "integer" }, percent: { type: ["number", "null"] } },
          },
          violentContentDetected: { type: ["integer", "null"] },
          judicialReferrals: { type: ["integer", "null"] },
          reportsReceived: { type: ["integer", "null"] },
          casesOpened: { type: ["integer", "null"] },
          medianHoursToOutcome: { type: ["number", "null"] },
          source: { type: "string", enum: ["computed", "imported"] },
        },
      },
      StatementItem: {
        type: "object",
        required: ["slug", "type", "title", "summary", "publishedAt", "url", "status"],
        properties: {
          slug: { type: "string" },
          type: { type: "string", enum: ["denial", "truth", "communique"] },
          title: { type: "string" },
          summary: { type: "string" },
          publishedAt: { type: "string", format: "date-time" },
          url: { type: "string" },
          status: { type: "string", enum: ["published", "withdrawn"] },
        },
      },
      TrackedReport: {
        type: "object",
        required: ["status", "updatedAt"],
        properties: {
          status: { type: "string", enum: ["received", "in_review", "closed"] },
          updatedAt: { type: "string", format: "date-time" },
          outcome: {
            type: "string",
            enum: ["debunked", "confirmed", "no_action", "referred", "duplicate"],
          },
          statementUrl: {
            type: "string",
            description:
              "The published statement answering the report, in its language when available.",
          },
        },
      },
      Error: {
        type: "object",
        required: ["error", "message"],
        properties: {
          error: { type: "string" },
          message: { type: "string", description: "Localised by Accept-Language" },
          issues: {
            type: "array",
            items: {
              type: "object",
              required: ["path", "code", "message"],
              properties: {
                path: { type: "string" },
                code: { type: "string" },
                message: { type: "string" },
              },
            },
          },
        },
      },
    },
  },
} as const;
