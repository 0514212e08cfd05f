/** Labour-market demand and hiring commitments. */
export default {} as const;
