import type en from "../en/signoff";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
