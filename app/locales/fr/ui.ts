import type en from "../en/ui";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
