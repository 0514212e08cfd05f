import type en from "../en/coverage";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
