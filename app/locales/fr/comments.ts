import type en from "../en/comments";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
