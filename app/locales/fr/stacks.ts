import type en from "../en/stacks";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
