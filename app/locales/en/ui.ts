/** Shared UI pieces: forms, dialogs, badges, error pages, dates. */
export default {} as const;
