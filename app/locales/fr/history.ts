import type en from "../en/history";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
