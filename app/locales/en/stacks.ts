/** Stacks and their modules. */
export default {} as const;
