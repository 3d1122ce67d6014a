/** Fresh PostgreSQL databases for bench runs, on the machine's server (TEST_DATABASE_URL), dropped afterwards. */
import pg from "pg";

export type FreshDatabase = { url: string; drop: () => Promise<void> };

export async function freshPostgres(purpose: string): Promise<FreshDatabase> {
  const admin = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `pscg_bench_${purpose}_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
