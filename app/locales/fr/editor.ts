import type en from "../en/editor";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
