// The commands on cases, one file per group under ./commands; importers keep this one name.
export * from "./commands/assign";
export * from "./commands/contact";
export * from "./commands/hold";
export * from "./commands/merge";
export * from "./commands/transition";
