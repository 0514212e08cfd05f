import type en from "../en/recognitions";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
