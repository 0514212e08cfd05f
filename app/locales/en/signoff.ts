/** Sign-off panel, template, audit trail, certificate. */
export default {} as const;
