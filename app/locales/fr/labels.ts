import type en from "../en/labels";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
