/**
 * The catalog's filters (issue #17, "Public catalog and read API") as zod schemas: the one
 * definition the /catalog form, the read API's query parameters and its OpenAPI document use.
 * Pure (no server imports), so the page's form can read the option lists too.
 */
import { z } from "zod";
import { DELIVERY_MODES, JURISDICTIONS } from "~/modules/documents/kinds/options";

const values = (options: ReadonlyArray<{ value: string }>) => options.map((o) => o.value) as [string, ...string[]];

export const DELIVERY_VALUES = values(DELIVERY_MODES);
export const PROVINCE_VALUES = values(JURISDICTIONS);

/** Longest search a person types; longer is refused rather than silently cut. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const money = (description: string) => z.coerce.number().min(0).max(100_000).optional().describe(description);

/** Filter parameters, each independently optional; all that are given must hold. */
export const catalogFilterShape = {
  q: z
    .string()
    .trim()
    .min(1)
    .max(MAX_QUERY_LENGTH)
    .optional()
    .describe("Full-text search over the title, description, competencies and occupations (English stemming; the last word matches as a prefix)."),
  delivery: z.enum(DELIVERY_VALUES).optional().describe("Delivery (learning) mode."),
  province: z
    .enum(PROVINCE_VALUES)
    .optional()
    .describe("Province or territory code: credentials of that jurisdiction, issued by an institution there, or Canada-wide (CA)."),
  costMin: money("Lowest cost to the learner, in CAD."),
  costMax: money("Highest cost to the learner, in CAD."),
  maxWeeks: z.coerce.number().int().min(1).max(260).optional().describe("Longest typical time to complete, in weeks."),
  occupation: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, "Use a NOC 2021 code or the start of one (1 to 5 digits)")
    .optional()
    .describe("NOC 2021 occupation code, or its first digits for a broader group (e.g. 213)."),
  framework: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("Id of a competency framework in the library (/api/v1/frameworks): credentials with a competency from any version of it."),
};

/** The page's and the list's pagination (the read API only). */
export const paginationShape = {
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,600}$/, "Use the nextCursor of a previous page")
    .optional()
    .describe("Opaque cursor: the nextCursor of the previous page."),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`Results per page (at most ${MAX_PAGE_SIZE}).`),
};

type CostRange = { costMin?: number; costMax?: number };
const costRangeHolds = (f: CostRange) => f.costMin === undefined || f.costMax === undefined || f.costMin <= f.costMax;
const COST_RANGE = { message: "The highest cost must not be below the lowest", path: ["costMax"] };

export const CatalogFiltersSchema = z.object(catalogFilterShape).refine(costRangeHolds, COST_RANGE);
export const CredentialListQuerySchema = z.object({ ...catalogFilterShape, ...paginationShape }).refine(costRangeHolds, COST_RANGE);

export type CatalogFilters = z.infer<typeof CatalogFiltersSchema>;
export type CredentialListQuery = z.infer<typeof CredentialListQuerySchema>;

/** Path parameter of /api/v1/credentials/{id} and /api/v1/frameworks/{id}. */
export const ResourceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "Not an id").describe("The resource's id.");

/**
 * Query parameters as an object for a schema: an empty value (a GET form's untouched field) is
 * no filter; a repeated parameter keeps its first value.
 */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (value.trim() !== "" && !(key in out)) out[key] = value;
  return out;
}

export type ParameterError = { parameter: string; message: string };

/** The first issue of a failed parse, naming the parameter it concerns. */
export function parameterError(error: z.ZodError): ParameterError {
  const issue = error.issues[0];
  const parameter = issue?.path.length ? String(issue.path[0]) : "query";
  return { parameter, message: issue?.message ?? "Invalid parameter" };
}

/** Whether any filter is set (the page says "No credentials match" only then). */
export function hasFilters(filters: CatalogFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}
