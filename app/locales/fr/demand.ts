import type en from "../en/demand";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
