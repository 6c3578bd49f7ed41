import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { reportSchema } from "@/lib/reports/schema";
import { statementListSchema } from "@/lib/statements/public";
import { statsRangeSchema } from "@/lib/stats/query";
import { inputSchema, openApiDocument } from "./openapi";
import { listLocaleSchema, trackRequestSchema } from "./schemas";

// Each route parses with one schema; the document must be that schema's, and every route must
// be documented. A route that starts parsing with another schema fails here.
const ROUTES: Record<string, { file: string; parses: Record<string, z.core.$ZodType> }> = {
  "/api/v1/reports": { file: "app/api/v1/reports/route.ts", parses: { reportSchema } },
  "/api/v1/reports/track": {
    file: "app/api/v1/reports/track/route.ts",
    parses: { trackRequestSchema },
  },
  "/api/v1/statements": {
    file: "app/api/v1/statements/route.ts",
    parses: { listLocaleSchema, statementListSchema },
  },
  "/api/v1/statements/{slug}": { file: "app/api/v1/statements/[slug]/route.ts", parses: {} },
  "/api/v1/stats": { file: "app/api/v1/stats/route.ts", parses: { statsRangeSchema } },
  "/api/v1/stats.csv": { file: "app/api/v1/stats.csv/route.ts", parses: { statsRangeSchema } },
  "/api/health": { file: "app/api/health/route.ts", parses: {} },
  "/api/v1/unsubscribe": { file: "app/api/v1/unsubscribe/route.ts", parses: {} },
};

const routeFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });

const doc = openApiDocument as unknown as {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
};

describe("the OpenAPI document", () => {
  it("documents every public route, and only those", () => {
    // share: the manifest's share target, a browser navigation answered with a redirect.
    // internal: an instance asking itself to revalidate (lib/statements/notify.ts).
    const files = routeFiles("app/api").filter(
      (f) =>
        !/app\/api\/(auth|bench|staff|share|internal)\//.test(f) && !f.includes("openapi.json"),
    );
    expect(files.sort()).toEqual(
      Object.values(ROUTES)
        .map((r) => r.file)
        .sort(),
    );
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(Object.entries(ROUTES))("%s parses with the schemas the document shows", (p, route) => {
    const source = fs.readFileSync(route.file, "utf8");
    for (const name of Object.keys(route.parses))
      expect(source, `${route.file} parses with ${name}`).toMatch(
        new RegExp(`\\b${name}\\.(safeParse|parse)\\(`),
      );
    const op = Object.values(doc.paths[p])[0] as {
      requestBody?: { content: Record<string, { schema: unknown }> };
      parameters?: { name: string; in: string; schema: unknown }[];
    };
    for (const schema of Object.values(route.parses)) {
      const expected = inputSchema(schema) as { properties: Record<string, unknown> };
      if (op.requestBody) {
        const body = op.requestBody.content["application/json"].schema as { $ref?: string };
        const shown = body.$ref
          ? doc.components.schemas[body.$ref.split("/").pop()!]
          : (body as unknown);
        expect(Object.keys((shown as typeof expected).properties)).toEqual(
          Object.keys(expected.properties),
        );
      } else {
        for (const [name, s] of Object.entries(expected.properties))
          expect(op.parameters?.find((q) => q.name === name && q.in === "query")?.schema).toEqual(
            s,
          );
      }
    }
  });

  it("states the report's rules from the schema: required fields, enums, limits", () => {
    const input = doc.components.schemas.ReportInput as {
      required: string[];
      properties: Record<string, { enum?: string[]; minLength?: number; maxItems?: number }>;
    };
    expect(input.required.sort()).toEqual(["category", "declaration", "description", "kind"]);
    expect(input.properties.kind.enum).toEqual(["rumor", "violent_content"]);
    expect(input.properties.description.minLength).toBe(20);
    expect(input.properties.urls.maxItems).toBe(5);
    // Accepted without urls, as the document says.
    expect(
      reportSchema.safeParse({
        kind: "rumor",
        category: "fake_incident",
        platform: "whatsapp",
        description: "خبر زائف عن حادث في الطريق السيار",
        declaration: true,
      }).success,
    ).toBe(true);
  });
});
