import type en from "../en/dashboard";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
