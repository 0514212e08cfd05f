export * from "./auth";
export * from "./organizations";
export * from "./projects";
export * from "./documents";
export * from "./collaboration";
