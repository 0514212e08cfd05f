export * from "./auth";
export * from "./organizations";
export * from "./projects";
export * from "./documents";
export * from "./collaboration";
export * from "./signoff";
export * from "./audit";
