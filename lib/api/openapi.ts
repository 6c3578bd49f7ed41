import { z } from "zod";
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from "@/lib/reports/categories";
import { MAX_IMAGE_BYTES, MAX_IMAGES } from "@/lib/image/normalize";
import { reportSchema } from "@/lib/reports/schema";
import { statementListSchema } from "@/lib/statements/public";
import { statsRangeSchema } from "@/lib/stats/query";
import { answers, listLocaleSchema, trackRequestSchema } from "./schemas";

// The OpenAPI 3.1 document, generated from the zod schemas the routes parse with and answer
// by (lib/api/schemas.ts): nothing here restates a field. lib/api/openapi.test.ts checks each
// route's schema against the document.

type Json = Record<string, unknown>;

/** The report form's schema is zod/mini and ships to phones: its descriptions live here. */
const reportDocs = z.registry<{ description?: string }>();
reportDocs.add(reportSchema.shape.category, { description: "Must belong to the kind." });
reportDocs.add(reportSchema.shape.urls, {
  description: "Links to the content (http or https). At least one for violent_content.",
});
reportDocs.add(reportSchema.shape.platform, {
  description: "Detected from the first link; required when there is no link.",
});
reportDocs.add(reportSchema.shape.seenAt, {
  description: "Date (YYYY-MM-DD) or date-time; not in the future.",
});

/** A request's JSON Schema: what a client may send (zod's input side). */
export function inputSchema(schema: z.core.$ZodType, metadata?: typeof reportDocs): Json {
  const json = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    metadata,
    target: "draft-2020-12",
  }) as Json;
  delete json.$schema;
  // A property is required exactly when its schema refuses it missing (a preprocessed list
  // accepts undefined as empty; zod's converter cannot see through a preprocess).
  const shape = (schema as unknown as { shape?: Record<string, z.core.$ZodType> }).shape;
  if (shape)
    json.required = Object.keys(shape).filter(
      (k) => !z.safeParse(shape[k] as z.ZodType, undefined).success,
    );
  return json;
}

function reportInput(): Json {
  const json = inputSchema(reportSchema, reportDocs);
  // The description's length is checked after its text is cleaned (a later stage of its pipe,
  // which the input side does not show): stated from the same constants.
  const props = json.properties as Record<string, Json>;
  props.description = {
    ...props.description,
    minLength: DESCRIPTION_MIN,
    maxLength: DESCRIPTION_MAX,
  };
  return json;
}

/** The multipart form of a report: the JSON fields, and pictures. */
function reportMultipart(): Json {
  const base = reportInput();
  return {
    ...base,
    properties: {
      ...(base.properties as Json),
      "images[]": {
        type: "array",
        maxItems: MAX_IMAGES,
        items: { type: "string", contentMediaType: "application/octet-stream" },
      },
    },
  };
}

/** Every answer's JSON Schema, referring to each other by their component names. */
function answerSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(answers, {
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.id;
    delete s.$id;
  }
  return schemas;
}

const queryParameters = (schema: z.core.$ZodType) =>
  Object.entries((inputSchema(schema).properties ?? {}) as Record<string, Json>).map(
    ([name, s]) => ({
      name,
      in: "query",
      schema: s,
      ...(typeof s.description === "string" ? { description: s.description } : {}),
    }),
  );

const json = (schema: Json) => ({ "application/json": { schema } });
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const error = (description: string) => ({ description, content: json(ref("Error")) });

export function buildOpenApiDocument() {
  return {
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
            description: `JSON, or multipart/form-data with the same fields (links as repeated \`urls\` fields or one per line, contact as \`contact.email\` and \`contact.phone\`) plus up to ${MAX_IMAGES} pictures of ${MAX_IMAGE_BYTES / 1024 / 1024} MB each in \`images[]\` (JPEG, PNG, WebP, AVIF, GIF's first frame; sniffed by content). Pictures are re-encoded without metadata. An Idempotency-Key covers the pictures too.`,
            content: {
              ...json(ref("ReportInput")),
              "multipart/form-data": { schema: reportMultipart() },
            },
          },
          responses: {
            "201": {
              description: "Accepted. The receipt is shown only in this response.",
              content: json(ref("Receipt")),
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
          requestBody: { required: true, content: json(inputSchema(trackRequestSchema)) },
          responses: {
            "200": { description: "Found", content: json(ref("TrackedReport")) },
            "400": error("validation_failed or invalid_json"),
            "404": error("not_found: unknown or malformed receipt, answered alike"),
            "429": error("rate_limited"),
            "503": error("service_unavailable"),
          },
        },
      },
      "/api/v1/unsubscribe": {
        post: {
          operationId: "unsubscribe",
          summary:
            "One-click unsubscribe (RFC 8058) from the messages a reporter asked for; the address comes in each message's List-Unsubscribe header",
          parameters: ["r", "t"].map((name) => ({
            name,
            in: "query",
            required: true,
            schema: { type: "string" },
          })),
          responses: {
            "204": { description: "No more messages about this report" },
            "404": error("not_found: not a link of ours"),
          },
        },
      },
      "/api/v1/statements": {
        get: {
          operationId: "listStatements",
          summary: "Published statements, newest first (withdrawn ones included, marked)",
          parameters: [
            ...queryParameters(listLocaleSchema),
            ...queryParameters(statementListSchema),
          ],
          responses: { "200": { description: "A page", content: json(ref("StatementPage")) } },
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
          parameters: queryParameters(statsRangeSchema),
          responses: {
            "200": { description: "One entry per year", content: json(ref("StatsAnswer")) },
            "400": error("validation_failed"),
          },
        },
      },
      "/api/v1/stats.csv": {
        get: {
          operationId: "getStatsCsv",
          summary: "The same figures as CSV, one row a year",
          parameters: queryParameters(statsRangeSchema),
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
            "200": { description: "Up", content: json(ref("Health")) },
            "503": { description: "The database is unreachable" },
          },
        },
      },
    },
    components: {
      schemas: {
        ReportInput: reportInput(),
        ...answerSchemas(),
      },
    },
  };
}

export const openApiDocument = buildOpenApiDocument();
