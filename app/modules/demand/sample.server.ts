/**
 * The illustrative sample demand data (db/seed/demand/sample-demand.csv, not real statistics),
 * read from the working directory: the server runs from the repository root (npm start, e2e), and
 * the compiled route bundle has no path of its own to the seed folder.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const SAMPLE_DEMAND_PATH = join("db", "seed", "demand", "sample-demand.csv");
export const SAMPLE_DEMAND_FILE_NAME = "sample-demand.csv (illustrative)";
export const SAMPLE_SOURCE_NAME = "Concord sample data (illustrative, not real statistics)";

export function sampleDemandBytes(root = process.cwd()): Uint8Array {
  return new Uint8Array(readFileSync(join(root, SAMPLE_DEMAND_PATH)));
}
