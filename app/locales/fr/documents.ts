import type en from "../en/documents";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
