/** Shared domain labels: document kinds, statuses, organization kinds, project roles, provinces. */
export default {} as const;
