import type en from "../en/catalog";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
