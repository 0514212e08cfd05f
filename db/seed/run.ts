/** `npm run seed:demo`: seeds the demo workspace into the database named by the environment. */
import { parseEnv } from "../../app/env.server";
import { openDatabase } from "../client";
import { CONSORTIUM_ACCOUNTS, DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedDemoConsortium } from "./demo";

const env = parseEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  await seedDemo(database.db);
  await seedDemoConsortium(database.db);
  console.log(`Demo workspace seeded (${database.kind}). Sign in with any of (password ${DEMO_PASSWORD}):`);
  for (const account of [...DEMO_ACCOUNTS, ...CONSORTIUM_ACCOUNTS]) console.log(`  ${account.email}`);
} finally {
  await database.close();
}
