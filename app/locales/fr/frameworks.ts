import type en from "../en/frameworks";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
