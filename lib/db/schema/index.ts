// The database schema, one file per area; drizzle-kit reads this folder (drizzle.config.ts).
export * from "./cases";
export * from "./intake-guards";
export * from "./people";
export * from "./statements";
export * from "./stats";
export * from "./media";
export * from "./mail";
export * from "./desk";
