import type en from "../en/auth";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
